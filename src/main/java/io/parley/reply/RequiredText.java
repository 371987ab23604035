package io.parley.reply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The literal texts a regular expression cannot match without: every match of the pattern contains at least one of
 * them ("\bcease (?:and desist )?..." needs "cease ", "退订|拒收" needs "退订" or "拒收"). A reply that contains none
 * of them cannot match, so {@link PhraseSieve} skips the pattern without running it, which is what makes classifying
 * cheap: most of a file's patterns need a word that most replies do not have.
 *
 * <p>The texts are case-folded as the rules' patterns compare letters (CASE_INSENSITIVE with UNICODE_CASE: a letter
 * matches when {@link #fold} gives the same character), so a folded reply contains one of them whenever the pattern
 * matches the reply. The reading is conservative: only plain characters count, everything else (classes, \w, ., an
 * optional or repeated part, a lookaround) is taken as "any text"; an alternation needs something from every branch,
 * and a pattern it cannot read (inline flags, \Q, octal or hex escapes) needs nothing and always runs.
 */
final class RequiredText {
    private final String regex;
    private int at;

    private RequiredText(String regex) {
        this.regex = regex;
    }

    /** The texts one of which every match contains, folded; empty when the pattern may match without any. */
    static Optional<Set<String>> of(String regex) {
        try {
            RequiredText reader = new RequiredText(regex);
            Optional<Set<String>> needs = reader.alternation();
            if (reader.at != regex.length()) {
                return Optional.empty();
            }
            return needs;
        } catch (Unreadable e) {
            return Optional.empty();
        }
    }

    /** How the rules' patterns compare a character (java.util.regex with CASE_INSENSITIVE and UNICODE_CASE). */
    static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** A construct this reading does not follow: the pattern is run on every reply. */
    private static final class Unreadable extends RuntimeException {
        Unreadable() {
            super(null, null, false, false);
        }
    }

    private Optional<Set<String>> alternation() {
        List<Optional<Set<String>>> branches = new ArrayList<>();
        branches.add(sequence());
        while (at < regex.length() && regex.charAt(at) == '|') {
            at++;
            branches.add(sequence());
        }
        Set<String> any = new LinkedHashSet<>();
        for (Optional<Set<String>> branch : branches) {
            if (branch.isEmpty()) {
                return Optional.empty();
            }
            any.addAll(branch.get());
        }
        return Optional.of(any);
    }

    /**
     * One branch: plain characters in a row make one text; the branch needs whichever of its parts' texts is the most
     * telling (the longest shortest text, then the fewest texts).
     */
    private Optional<Set<String>> sequence() {
        Optional<Set<String>> best = Optional.empty();
        StringBuilder run = new StringBuilder();
        while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            Part part = atom();
            boolean once = !quantifier(part);
            if (part.literal != 0 && once) {
                run.append(fold(part.literal));
                continue;
            }
            best = better(best, text(run));
            run.setLength(0);
            if (part.minimum > 0) {
                best = better(best, part.literal != 0 ? Optional.of(Set.of(String.valueOf(fold(part.literal))))
                        : part.needs);
            }
        }
        return better(best, text(run));
    }

    private static Optional<Set<String>> text(StringBuilder run) {
        return run.isEmpty() ? Optional.empty() : Optional.of(Set.of(run.toString()));
    }

    private static Optional<Set<String>> better(Optional<Set<String>> a, Optional<Set<String>> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? b : a;
        }
        int shortestA = a.get().stream().mapToInt(String::length).min().orElse(0);
        int shortestB = b.get().stream().mapToInt(String::length).min().orElse(0);
        if (shortestA != shortestB) {
            return shortestA > shortestB ? a : b;
        }
        return a.get().size() <= b.get().size() ? a : b;
    }

    /** What one atom needs; literal is the plain character it matches, 0 when it is not one. */
    private static final class Part {
        final Optional<Set<String>> needs;
        final char literal;
        int minimum = 1;

        Part(Optional<Set<String>> needs, char literal) {
            this.needs = needs;
            this.literal = literal;
        }
    }

    private static Part anyText() {
        return new Part(Optional.empty(), (char) 0);
    }

    private Part atom() {
        char c = regex.charAt(at++);
        switch (c) {
            case '(':
                return group();
            case '[':
                skipClass();
                return anyText();
            case '\\':
                return escape();
            case '.', '^', '$':
                return anyText();
            case '*', '+', '?', '{':
                throw new Unreadable();
            default:
                return Character.isSurrogate(c) ? anyText() : new Part(Optional.empty(), c);
        }
    }

    private Part group() {
        boolean lookaround = false;
        if (regex.startsWith("?:", at) || regex.startsWith("?>", at)) {
            at += 2;
        } else if (regex.startsWith("?=", at) || regex.startsWith("?!", at)) {
            at += 2;
            lookaround = true;
        } else if (regex.startsWith("?<=", at) || regex.startsWith("?<!", at)) {
            at += 3;
            lookaround = true;
        } else if (regex.startsWith("?<", at)) {
            int end = regex.indexOf('>', at);
            if (end < 0) {
                throw new Unreadable();
            }
            at = end + 1;
        } else if (regex.startsWith("?", at)) {
            throw new Unreadable();
        }
        Optional<Set<String>> inside = alternation();
        if (at >= regex.length() || regex.charAt(at) != ')') {
            throw new Unreadable();
        }
        at++;
        return lookaround ? anyText() : new Part(inside, (char) 0);
    }

    /** Moves past a character class, nested classes and escapes included. */
    private void skipClass() {
        int depth = 1;
        int start = at;
        while (depth > 0) {
            if (at >= regex.length()) {
                throw new Unreadable();
            }
            char c = regex.charAt(at++);
            if (c == '\\') {
                if (at >= regex.length() || regex.charAt(at) == 'Q') {
                    throw new Unreadable();
                }
                at++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                if (at - 1 == start || at - 2 == start && regex.charAt(start) == '^') {
                    throw new Unreadable();
                }
                depth--;
            }
        }
    }

    private Part escape() {
        if (at >= regex.length()) {
            throw new Unreadable();
        }
        char c = regex.charAt(at++);
        switch (c) {
            case 't':
                return new Part(Optional.empty(), '\t');
            case 'n':
                return new Part(Optional.empty(), '\n');
            case 'r':
                return new Part(Optional.empty(), '\r');
            case 'f':
                return new Part(Optional.empty(), '\f');
            case 'b', 'B', 'A', 'z', 'Z', 'G', 'd', 'D', 'w', 'W', 's', 'S', 'h', 'H', 'v', 'V', 'R', 'X':
                return anyText();
            case 'p', 'P':
                if (at < regex.length() && regex.charAt(at) == '{') {
                    int end = regex.indexOf('}', at);
                    if (end < 0) {
                        throw new Unreadable();
                    }
                    at = end + 1;
                } else {
                    at++;
                }
                return anyText();
            default:
                if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
                    throw new Unreadable();
                }
                return new Part(Optional.empty(), c);
        }
    }

    /** Reads a quantifier after an atom, if any; true when there was one (its least count set on the part). */
    private boolean quantifier(Part part) {
        if (at >= regex.length()) {
            return false;
        }
        char c = regex.charAt(at);
        if (c == '?' || c == '*') {
            part.minimum = 0;
            at++;
        } else if (c == '+') {
            at++;
        } else if (c == '{') {
            int end = regex.indexOf('}', at);
            if (end < 0) {
                throw new Unreadable();
            }
            String bounds = regex.substring(at + 1, end);
            String least = bounds.contains(",") ? bounds.substring(0, bounds.indexOf(',')) : bounds;
            try {
                part.minimum = Integer.parseInt(least.trim());
            } catch (NumberFormatException e) {
                throw new Unreadable();
            }
            at = end + 1;
        } else {
            return false;
        }
        if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
            at++;
        }
        return true;
    }
}
