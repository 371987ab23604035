package io.parley.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings written in conf/parley.yaml. Sections nest by the dots of the keys (http: port: 8080). Scalars
 * are kept as written (so +15005550006 stays a phone number, not a number), an empty value means empty text,
 * and any key the service does not know is a problem: a typo must not silently fall back to a default.
 */
record ConfigFile(Map<Setting, String> values, List<?> apiKeys) {

    static final ConfigFile NONE = new ConfigFile(Map.of(), List.of());

    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    ConfigFile {
        values = Map.copyOf(values);
        apiKeys = List.copyOf(apiKeys);
    }

    /** Reads the file; problems with its content are added to problems, unreadable files throw. */
    static ConfigFile read(Path file, Problems problems) {
        Object root;
        try (JsonParser parser = YAML.createParser(Files.newBufferedReader(file))) {
            JsonToken first = parser.nextToken();
            root = first == null ? Map.of() : value(parser);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ConfigException(file + ": not valid YAML: " + e.getOriginalMessage() + where, e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top)) {
            problems.add(file + ": expected sections such as http: and database: at the top level");
            return NONE;
        }
        Map<Setting, String> values = new java.util.LinkedHashMap<>();
        List<Object> apiKeys = new ArrayList<>();
        flatten(file, "", top, values, apiKeys, problems);
        return new ConfigFile(values, apiKeys);
    }

    private static void flatten(Path file, String section, Map<?, ?> map, Map<Setting, String> values,
                                List<Object> apiKeys, Problems problems) {
        map.forEach((name, value) -> {
            String key = section.isEmpty() ? String.valueOf(name) : section + "." + name;
            var setting = Setting.byKey(key);
            if (setting.isPresent()) {
                if (value instanceof String text) {
                    values.put(setting.get(), text);
                } else {
                    problems.add(file + ": " + setting.get().label() + " expects a single value, not a " + kind(value));
                }
            } else if (key.equals(Setting.API_KEYS)) {
                if (value instanceof List<?> list) {
                    apiKeys.addAll(list);
                } else if (!"".equals(value)) {
                    problems.add(file + ": " + key + " expects a list of entries with name, key and role");
                }
            } else if (Setting.isSection(key)) {
                if (value instanceof Map<?, ?> nested) {
                    flatten(file, key, nested, values, apiKeys, problems);
                } else if (!"".equals(value)) {
                    problems.add(file + ": " + key + " is a section holding " + String.join(", ", Setting.childrenOf(key)));
                }
            } else {
                problems.add(file + ": unknown key '" + key + "' (known "
                        + (section.isEmpty() ? "sections: " : "keys under " + section + ": ")
                        + String.join(", ", Setting.childrenOf(section)) + ")");
            }
        });
    }

    /** The current value as String (scalar, as written), List or Map. */
    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    map.put(name, value(parser));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return list;
            }
            case VALUE_NULL:
                return "";
            default:
                return parser.getText();
        }
    }

    private static String kind(Object value) {
        return value instanceof List ? "list" : "section";
    }
}
