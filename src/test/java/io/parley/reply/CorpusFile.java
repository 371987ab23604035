package io.parley.reply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads a labelled corpus: seven tab-separated columns, or ten with channel, secondary intent and scope. */
final class CorpusFile {
    static final Path DIRECTORY = Path.of("src", "test", "resources", "replies");
    static final Path TRAINING = DIRECTORY.resolve("corpus.tsv");
    static final Path HELD_OUT = DIRECTORY.resolve("held-out.tsv");
    static final Path HELD_OUT_2 = DIRECTORY.resolve("held-out-2.tsv");
    static final Path HELD_OUT_3 = DIRECTORY.resolve("held-out-3.tsv");
    static final Path HELD_OUT_4 = DIRECTORY.resolve("held-out-4.tsv");
    static final Path HELD_OUT_5 = DIRECTORY.resolve("held-out-5.tsv");
    static final List<Path> HELD_OUT_6 = List.of(DIRECTORY.resolve("held-out-6-en.tsv"),
            DIRECTORY.resolve("held-out-6-zh.tsv"));
    static final List<Path> HELD_OUT_7 = List.of(DIRECTORY.resolve("held-out-7-en.tsv"),
            DIRECTORY.resolve("held-out-7-zh.tsv"));
    static final List<Path> HELD_OUT_8 = List.of(DIRECTORY.resolve("held-out-8-en.tsv"),
            DIRECTORY.resolve("held-out-8-zh.tsv"));
    static final List<Path> HELD_OUT_9 = List.of(DIRECTORY.resolve("held-out-9-en.tsv"),
            DIRECTORY.resolve("held-out-9-zh.tsv"));

    private CorpusFile() {
    }

    static List<LabelledReply> read(Path file) throws IOException {
        List<LabelledReply> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("## ")) {
                section = line.substring(3).trim();
                continue;
            }
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 7 && f.length != 10) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": expected 7 or 10 tab-separated fields, found "
                        + f.length);
            }
            if (!f[4].isEmpty()) {
                LocalDate.parse(f[4]);
            }
            ReplyIntent intent = ReplyIntent.parse(f[2]);
            String channel = f.length == 10 ? f[7] : "sms";
            ReplyIntent secondary = f.length == 10 && !f[8].isEmpty() ? ReplyIntent.parse(f[8]) : null;
            Set<String> scope = f.length == 10 ? scope(f[9]) : impliedScope(intent, channel);
            rows.add(new LabelledReply(i + 1, section, unescape(f[0]), f[1], intent, f[3], f[4], Instant.parse(f[5]),
                    ZoneId.of(f[6]), channel, secondary, scope, f.length == 10));
        }
        return rows;
    }

    private static Set<String> scope(String field) {
        Set<String> scope = new TreeSet<>();
        Arrays.stream(field.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(scope::add);
        return scope;
    }

    /** The seven-column format has no scope: a keyword or sentence opt-out stops the channel it came on. */
    private static Set<String> impliedScope(ReplyIntent intent, String channel) {
        if (intent == ReplyIntent.OPT_OUT_ALL) {
            return Set.of("all");
        }
        return intent == ReplyIntent.OPT_OUT ? Set.of(channel) : Set.of();
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next == 'n' || next == 't' || next == '\\') {
                    out.append(next == 'n' ? '\n' : next == 't' ? '\t' : '\\');
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
