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
    /** Per automaton state: the characters it goes on with (sorted), where each goes, and the fallback state. */
    private final char[][] keys;
    private final int[][] next;
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
            Optional<Set<String>> needs = RequiredText.of(phrase.pattern().pattern());
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
        int states = trie.size();
        keys = new char[states][];
        next = new int[states][];
        fail = new int[states];
        found = new int[states][];
        for (int s = 0; s < states; s++) {
            Map<Character, Integer> edges = trie.get(s);
            keys[s] = new char[edges.size()];
            next[s] = new int[edges.size()];
            int k = 0;
            for (Map.Entry<Character, Integer> edge : edges.entrySet()) {
                keys[s][k] = edge.getKey();
                next[s][k++] = edge.getValue();
            }
        }
        // Breadth first, so a state's fallback (the longest proper suffix in the trie) is complete before it is used.
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        found[0] = new int[0];
        for (int child : next[0]) {
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            TreeSet<Integer> here = ends.get(s);
            Arrays.stream(found[fail[s]]).forEach(here::add);
            found[s] = here.isEmpty() ? found[0] : here.stream().mapToInt(Integer::intValue).toArray();
            for (int k = 0; k < keys[s].length; k++) {
                int child = next[s][k];
                fail[child] = step(fail[s], keys[s][k], s == 0);
                queue.add(child);
            }
        }
    }

    /** Where the automaton goes from a state on a character, falling back until some state goes on with it. */
    private int step(int state, char c, boolean fromRoot) {
        if (fromRoot) {
            return 0;
        }
        int s = state;
        while (true) {
            int k = Arrays.binarySearch(keys[s], c);
            if (k >= 0) {
                return next[s][k];
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
            state = step(state, RequiredText.fold(text.charAt(i)), false);
            for (int slot : found[state]) {
                live.set(slot);
            }
        }
        return new Scan(this, live);
    }

    @Override
    public String toString() {
        return "PhraseSieve[" + slots.size() + " patterns, " + always.cardinality() + " always run, " + keys.length
                + " states]";
    }
}
