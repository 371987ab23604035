package io.parley.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Members of a request body named as the API names them: JSON paths, as {@link JsonFields} writes them. */
final class JsonPaths {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A step some validators write as a member and its index together ("refusedChannels[0]"). */
    private static final Pattern INDEXED_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[\\d+])+");

    private JsonPaths() {
    }

    /**
     * The JSON path of the member at a JSON pointer ("#/debtor/contactPoints/0" is "debtor.contactPoints[0]"), or of
     * its member child when child is not null; the body itself is "".
     */
    static String of(String pointer, String child) {
        StringBuilder path = new StringBuilder();
        String rest = pointer.startsWith("#") ? pointer.substring(1) : pointer;
        List<String> steps = new ArrayList<>();
        for (String step : rest.split("/")) {
            if (!step.isEmpty()) {
                steps.add(unescape(step));
            }
        }
        if (child != null) {
            steps.add(child);
        }
        for (String step : steps) {
            if (step.chars().allMatch(Character::isDigit) && !step.isEmpty()) {
                path.append('[').append(step).append(']');
            } else if (PLAIN_KEY.matcher(step).matches() || INDEXED_KEY.matcher(step).matches()) {
                path.append(path.length() == 0 ? "" : ".").append(step);
            } else {
                path.append("['").append(step.replace("'", "\\'")).append("']");
            }
        }
        return path.toString();
    }

    /** A pointer step as vertx-json-schema writes it: ~0 and ~1 for ~ and /, %XX for other bytes outside URIs. */
    private static String unescape(String step) {
        String plain = step.replace("~1", "/").replace("~0", "~");
        if (plain.indexOf('%') < 0) {
            return plain;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == '%' && i + 2 < plain.length()) {
                bytes.write(Integer.parseInt(plain.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
