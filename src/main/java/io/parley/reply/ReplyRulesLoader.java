package io.parley.reply;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads every *.yaml and *.yml file of a directory (not its subdirectories), one language per file. All errors of all
 * files, a language defined twice and a keyword in two files, are reported together in one exception.
 */
final class ReplyRulesLoader {
    private static final Logger log = LoggerFactory.getLogger(ReplyRulesLoader.class);

    private ReplyRulesLoader() {
    }

    static List<LanguageRules> load(Path dir) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(ReplyRulesLoader::isRulesFile).sorted().toList();
        } catch (IOException e) {
            throw new ReplyRulesException(dir.toString(), List.of(dir + ": cannot list reply rules files: " + e));
        }
        List<String> errors = new ArrayList<>();
        if (files.isEmpty()) {
            errors.add(dir + ": has no reply rules files (*.yaml)");
        }
        ReplyRulesParser parser = new ReplyRulesParser();
        List<LanguageRules> loaded = new ArrayList<>();
        Map<String, String> languageSource = new LinkedHashMap<>();
        Map<String, String> keywordSource = new LinkedHashMap<>();
        for (Path file : files) {
            String source = file.toString();
            try {
                LanguageRules rules = parser.parse(source, Files.readString(file, StandardCharsets.UTF_8));
                String before = languageSource.putIfAbsent(rules.language(), source);
                if (before != null) {
                    errors.add(source + ": field 'language': '" + rules.language() + "' is also defined in " + before);
                    continue;
                }
                for (String keyword : rules.keywords().keySet()) {
                    String other = keywordSource.putIfAbsent(keyword, source);
                    if (other != null) {
                        errors.add(source + ": field 'keywords." + rules.keywords().get(keyword).wire() + "': '"
                                + keyword + "' is also a keyword in " + other);
                    }
                }
                loaded.add(rules);
            } catch (ReplyRulesException e) {
                errors.addAll(e.getErrors());
            } catch (IOException e) {
                errors.add(source + ": cannot be read: " + e);
            }
        }
        if (!errors.isEmpty()) {
            throw new ReplyRulesException(dir.toString(), errors);
        }
        log.info("Loaded reply rules from {}: languages {}", dir, languageSource.keySet());
        return loaded;
    }

    private static boolean isRulesFile(Path path) {
        String name = path.getFileName().toString();
        return Files.isRegularFile(path) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
