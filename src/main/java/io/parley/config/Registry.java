package io.parley.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every known setting, in order: the service's own as they are declared, then those of the modules' sections
 * registered in META-INF/services ({@link ConfigSections}). A setting made by a module that is not registered there
 * is not known: a file or variable naming it is an error, and its module reads its default.
 */
final class Registry {
    private static final List<Setting> CORE = new ArrayList<>();
    private static volatile List<Setting> all;

    private Registry() {
    }

    static synchronized void core(Setting setting) {
        CORE.add(setting);
    }

    static List<Setting> all() {
        List<Setting> known = all;
        if (known == null) {
            known = load();
        }
        return known;
    }

    private static synchronized List<Setting> load() {
        if (all != null) {
            return all;
        }
        Setting.HTTP_HOST.key(); // the service's own settings first
        List<Setting> known = new ArrayList<>(CORE);
        ConfigSections.all().forEach(section -> known.addAll(section.settings()));
        Map<String, Setting> byKey = new HashMap<>();
        for (Setting setting : known) {
            if (byKey.putIfAbsent(setting.key(), setting) != null) {
                throw new IllegalStateException("setting " + setting.key() + " is declared twice");
            }
        }
        all = List.copyOf(known);
        return all;
    }
}
