package io.parley.reply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The literal texts a regular expression cannot match without: every match of the pattern contains at least one of
 * them ("\bcease(?: and desist)? from" needs "cease from" or "cease and desist from", "退订|拒收" needs "退订" or
 * "拒收"). A reply that contains none of them cannot match, so {@link PhraseSieve} skips the pattern without running
 * it, which is what makes classifying cheap: most of a file's patterns need words that most replies do not have.
 *
 * <p>The texts are case-folded as the rules' patterns compare letters (CASE_INSENSITIVE with UNICODE_CASE: a letter
 * matches when {@link #fold} gives the same character), so a folded reply contains one of them whenever the pattern
 * matches the reply. The reading is conservative: plain characters, and parts that can match only a few texts (an
 * optional word, a short list of alternatives) count; a class, \w, ., a repeated part or a lookaround is taken as
 * "any text" (a lookaround as no text); an alternation needs something from every branch; and a pattern it cannot read
 * (inline flags, \Q, backreferences, octal or hex escapes) needs nothing, so it always runs.
 */
final class RequiredText {
    /** The most texts a part keeps as alternatives: more are too many to look for, and rarely worth it. */
    private static final int ALTERNATIVES = 32;

    private final String regex;
    private int at;

    private RequiredText(String regex) {
        this.regex = regex;
    }

    /** The texts one of which every match contains, folded; empty when the pattern may match without any. */
    static Optional<Set<String>> of(String regex) {
        try {
            RequiredText reader = new RequiredText(regex);
            Set<String> needs = reader.branches().needs();
            if (reader.at != regex.length() || needs == null) {
                return Optional.empty();
            }
            // A text that contains another is found whenever it is: looking for the shorter one is enough.
            return Optional.of(needs.stream().filter(t -> needs.stream().noneMatch(o -> !o.equals(t) && t.contains(o)))
                    .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
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

    /**
     * What a part of a pattern matches: {@code texts}, every text it can match when they are few (a plain word, a short
     * list of alternatives, an optional word), else null; {@code needs}, texts one of which its every match contains,
     * or null for none.
     */
    private record Part(Set<String> texts, Set<String> needs) {
        static final Part ANY_CHARACTER = new Part(null, null);
        static final Part EMPTY = new Part(Set.of(""), null);

        static Part text(String text) {
            return new Part(Set.of(text), Set.of(text));
        }

        static Part of(Set<String> texts) {
            return new Part(texts, texts.contains("") ? null : texts);
        }
    }

    /** Branches need something from every branch; their texts are all the branches' texts. */
    private Part branches() {
        List<Part> branches = new ArrayList<>();
        branches.add(sequence());
        while (at < regex.length() && regex.charAt(at) == '|') {
            at++;
            branches.add(sequence());
        }
        return new Part(union(branches.stream().map(Part::texts).toList(), ALTERNATIVES),
                union(branches.stream().map(Part::needs).toList(), Integer.MAX_VALUE));
    }

    private static Set<String> union(List<Set<String>> sets, int most) {
        Set<String> all = new LinkedHashSet<>();
        for (Set<String> set : sets) {
            if (set == null) {
                return null;
            }
            all.addAll(set);
        }
        return all.size() <= most ? all : null;
    }

    /**
     * One branch. Parts whose texts are known, one after another, make longer texts ("(?:stop|quit) " then
     * "harassing"): as long as there are no more than {@link #ALTERNATIVES} of them, the longer, the rarer. The branch
     * needs whichever of its parts' texts is the most telling (the longest shortest text, then the fewest texts).
     */
    private Part sequence() {
        Set<String> run = Set.of("");
        boolean whole = true;
        Set<String> best = null;
        while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            Part part = quantified(atom());
            Set<String> joined = part.texts() == null ? null : joined(run, part.texts());
            if (joined != null) {
                run = joined;
                continue;
            }
            best = better(best, Part.of(run).needs());
            run = part.texts() == null ? Set.of("") : part.texts();
            whole = false;
            best = better(best, part.needs());
        }
        best = better(best, Part.of(run).needs());
        return new Part(whole ? run : null, best);
    }

    /** Every text of the first set followed by one of the second, or null when there would be too many. */
    private static Set<String> joined(Set<String> first, Set<String> then) {
        if ((long) first.size() * then.size() > ALTERNATIVES) {
            return null;
        }
        Set<String> joined = new LinkedHashSet<>();
        first.forEach(a -> then.forEach(b -> joined.add(a + b)));
        return joined;
    }

    private static Set<String> better(Set<String> a, Set<String> b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        int shortestA = a.stream().mapToInt(String::length).min().orElse(0);
        int shortestB = b.stream().mapToInt(String::length).min().orElse(0);
        if (shortestA != shortestB) {
            return shortestA > shortestB ? a : b;
        }
        return a.size() <= b.size() ? a : b;
    }

    /** The part with the quantifier after it, if any: optional (?), repeated (*, +, {n,m}), lazy or possessive. */
    private Part quantified(Part part) {
        if (at >= regex.length() || "?*+{".indexOf(regex.charAt(at)) < 0) {
            return part;
        }
        char c = regex.charAt(at++);
        int least = c == '+' ? 1 : 0;
        if (c == '{') {
            int end = regex.indexOf('}', at);
            if (end < 0) {
                throw new Unreadable();
            }
            String bounds = regex.substring(at, end);
            try {
                least = Integer.parseInt(bounds.contains(",") ? bounds.substring(0, bounds.indexOf(',')) : bounds);
            } catch (NumberFormatException e) {
                throw new Unreadable();
            }
            at = end + 1;
        }
        if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
            at++;
        }
        if (c == '?' && part.texts() != null) {
            Set<String> maybe = new LinkedHashSet<>(part.texts());
            maybe.add("");
            return new Part(maybe, null);
        }
        return new Part(null, least > 0 ? part.needs() : null);
    }

    private Part atom() {
        char c = regex.charAt(at++);
        switch (c) {
            case '(':
                return group();
            case '[':
                skipClass();
                return Part.ANY_CHARACTER;
            case '\\':
                return escape();
            case '^', '$':
                return Part.EMPTY;
            case '.':
                return Part.ANY_CHARACTER;
            case '*', '+', '?', '{':
                throw new Unreadable();
            default:
                return literal(c);
        }
    }

    private static Part literal(char c) {
        return Character.isSurrogate(c) ? Part.ANY_CHARACTER : Part.text(String.valueOf(fold(c)));
    }

    /** A group matches what its branches match; a lookaround matches no text (what it looks at is not needed). */
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
        Part inside = branches();
        if (at >= regex.length() || regex.charAt(at) != ')') {
            throw new Unreadable();
        }
        at++;
        return lookaround ? Part.EMPTY : inside;
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
                return literal('\t');
            case 'n':
                return literal('\n');
            case 'r':
                return literal('\r');
            case 'f':
                return literal('\f');
            case 'b', 'B', 'A', 'z', 'Z', 'G':
                return Part.EMPTY;
            case 'd', 'D', 'w', 'W', 's', 'S', 'h', 'H', 'v', 'V', 'R', 'X':
                return Part.ANY_CHARACTER;
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
                return Part.ANY_CHARACTER;
            default:
                if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
                    throw new Unreadable();
                }
                return literal(c);
        }
    }
}
