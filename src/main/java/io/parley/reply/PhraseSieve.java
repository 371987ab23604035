package io.parley.reply;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Says which of a file's patterns can possibly match a reply, from one pass over the reply: a pattern whose
 * {@link RequiredText} appears nowhere in the (case-folded) reply cannot match, and is not run. Regular expressions
 * run one after another cost a pass each; this is one pass for all of them (an Aho-Corasick automaton over every
 * pattern's required texts), after which only the few patterns that may match are run, with the same results.
 */
final class PhraseSieve {
    /** The patterns that must be run whatever the reply: nothing required could be read from them. */
    private final BitSet always = new BitSet();
    private final Map<LanguageRules.Phrase, Integer> slots = new IdentityHashMap<>();
    /**
     * The automaton's edges, in one open-addressing table: the key is the state and the character (-1 for none), the
     * target the state it goes to. Per state, the fallback state: the longest proper suffix of its text in the trie.
     */
    private final long[] edgeKeys;
    private final int[] edgeTargets;
    private final int[] fail;
    /** Per state: the patterns one of whose required texts ends there (its fallbacks' included). */
    private final int[][] found;

    /** Which patterns may match one text. */
    static final class Scan {
        private final PhraseSieve sieve;
        private final BitSet live;

        private Scan(PhraseSieve sieve, BitSet live) {
            this.sieve = sieve;
            this.live = live;
        }

        /** False only when the phrase cannot match the text scanned; true for a phrase the sieve does not know. */
        boolean mayMatch(LanguageRules.Phrase phrase) {
            Integer slot = sieve.slots.get(phrase);
            return slot == null || live.get(slot);
        }
    }

    PhraseSieve(Collection<LanguageRules.Phrase> phrases) {
        Map<String, List<Integer>> byText = new LinkedHashMap<>();
        for (LanguageRules.Phrase phrase : phrases) {
            if (slots.containsKey(phrase)) {
                continue;
            }
            int slot = slots.size();
            slots.put(phrase, slot);
            // Flags other than case-insensitivity (COMMENTS, LITERAL...) change what the text of a pattern means.
            boolean plain = (phrase.pattern().flags() & ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)) == 0;
            Optional<Set<String>> needs = plain ? RequiredText.of(phrase.pattern().pattern()) : Optional.empty();
            if (needs.isEmpty()) {
                always.set(slot);
            } else {
                needs.get().forEach(text -> byText.computeIfAbsent(text, t -> new ArrayList<>()).add(slot));
            }
        }
        List<Map<Character, Integer>> trie = new ArrayList<>();
        List<TreeSet<Integer>> ends = new ArrayList<>();
        trie.add(new TreeMap<>());
        ends.add(new TreeSet<>());
        byText.forEach((text, owners) -> {
            int state = 0;
            for (int i = 0; i < text.length(); i++) {
                Integer to = trie.get(state).get(text.charAt(i));
                if (to == null) {
                    to = trie.size();
                    trie.add(new TreeMap<>());
                    ends.add(new TreeSet<>());
                    trie.get(state).put(text.charAt(i), to);
                }
                state = to;
            }
            ends.get(state).addAll(owners);
        });
        int edges = trie.stream().mapToInt(Map::size).sum();
        edgeKeys = new long[Integer.highestOneBit(Math.max(1, edges) * 2) * 2];
        Arrays.fill(edgeKeys, -1);
        edgeTargets = new int[edgeKeys.length];
        for (int s = 0; s < trie.size(); s++) {
            for (Map.Entry<Character, Integer> edge : trie.get(s).entrySet()) {
                int at = slot(key(s, edge.getKey()));
                while (edgeKeys[at] != -1) {
                    at = (at + 1) & (edgeKeys.length - 1);
                }
                edgeKeys[at] = key(s, edge.getKey());
                edgeTargets[at] = edge.getValue();
            }
        }
        fail = new int[trie.size()];
        found = new int[trie.size()][];
        // Breadth first, so a state's fallback (the longest proper suffix in the trie) is complete before it is used.
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(0));
        while (!queue.isEmpty()) {
            int s = queue.poll();
            TreeSet<Integer> here = ends.get(s);
            if (s != 0) {
                Arrays.stream(found[fail[s]]).forEach(here::add);
            }
            found[s] = here.stream().mapToInt(Integer::intValue).toArray();
            for (Map.Entry<Character, Integer> edge : trie.get(s).entrySet()) {
                fail[edge.getValue()] = s == 0 ? 0 : step(fail[s], edge.getKey());
                queue.add(edge.getValue());
            }
        }
    }

    private static long key(int state, char c) {
        return (long) state << 16 | c;
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & (edgeKeys.length - 1);
    }

    /** Where the automaton goes from a state on a character, falling back until some state goes on with it. */
    private int step(int state, char c) {
        int s = state;
        while (true) {
            long key = key(s, c);
            for (int at = slot(key); edgeKeys[at] != -1; at = (at + 1) & (edgeKeys.length - 1)) {
                if (edgeKeys[at] == key) {
                    return edgeTargets[at];
                }
            }
            if (s == 0) {
                return 0;
            }
            s = fail[s];
        }
    }

    /** The patterns that may match the text, from one pass over it, folded as the patterns compare letters. */
    Scan scan(String text) {
        BitSet live = (BitSet) always.clone();
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            state = step(state, c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : RequiredText.fold(c));
            for (int slot : found[state]) {
                live.set(slot);
            }
        }
        return new Scan(this, live);
    }

    @Override
    public String toString() {
        return "PhraseSieve[" + slots.size() + " patterns, " + always.cardinality() + " always run, " + fail.length
                + " states]";
    }
}
