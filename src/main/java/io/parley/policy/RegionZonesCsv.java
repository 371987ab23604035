package io.parley.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The comma-separated data files of the zone tables: one record a line, '#' starts a comment line, blank lines are
 * skipped, fields are trimmed and may be empty. A malformed line is an error naming the file and line.
 */
final class RegionZonesCsv {
    /** One data line: its 1-based number in the file and its fields. */
    record Line(String file, int number, List<String> fields) {
        String field(int index) {
            return fields.get(index);
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(file + ":" + number + ": " + message);
        }
    }

    private RegionZonesCsv() {
    }

    /** The lines of a class path resource (an absolute name such as "/policy/region-zones.csv"). */
    static List<String> lines(String resource) {
        InputStream in = RegionZonesCsv.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing class path resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Parses lines that must each have one field per header name. */
    static List<Line> parse(String file, List<String> lines, List<String> header) {
        List<Line> records = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            List<String> fields = Arrays.stream(text.split(",", -1)).map(String::strip).toList();
            Line line = new Line(file, i + 1, fields);
            if (fields.size() != header.size()) {
                throw line.error("expected " + header.size() + " fields (" + String.join(",", header) + "), got "
                        + fields.size());
            }
            records.add(line);
        }
        return List.copyOf(records);
    }
}
