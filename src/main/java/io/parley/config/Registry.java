package io.parley.config;

import java.util.ArrayList;
import java.util.List;

/** Every declared setting, in order of declaration: the service's own first, then the modules' sections. */
final class Registry {
    private static final List<Setting> SETTINGS = new ArrayList<>();
    private static volatile boolean modulesLoaded;

    private Registry() {
    }

    static synchronized void add(Setting setting) {
        if (SETTINGS.stream().anyMatch(s -> s.key().equals(setting.key()))) {
            throw new IllegalStateException("setting " + setting.key() + " is declared twice");
        }
        SETTINGS.add(setting);
    }

    static List<Setting> all() {
        if (!modulesLoaded) {
            loadModules();
        }
        synchronized (Registry.class) {
            return List.copyOf(SETTINGS);
        }
    }

    private static synchronized void loadModules() {
        if (modulesLoaded) {
            return;
        }
        modulesLoaded = true;
        Setting.HTTP_HOST.key(); // the service's own settings first
        ConfigSections.all().forEach(ConfigSection::settings);
    }
}
