package io.parley.reply;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whole-reply keywords. The reply, without leading and trailing punctuation, symbols and emoji, is a keyword; so is
 * it with courtesy words around it taken away ("stop please", "退订吧，谢谢", "STOP谢谢"), and a keyword said more than
 * once ("STOP STOP", "退订退订"). In a longer reply a sentence that is on its own an opt-out keyword ("Stop. I paid")
 * opts out too; a single letter ("T") counts as the whole reply, or set apart at the start before Chinese words
 * ("T，已还清").
 */
final class KeywordReader {
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;。！？；\\n]+");
    /** Words that take a keyword sentence back at once ("Stop. Actually no, keep them coming"). */
    private static final Pattern TAKEN_BACK = Pattern.compile(
            "^\\s*(?:actually|wait|no wait|scratch that|never ?mind|disregard|oops|sorry,? no)\\b");
    /**
     * Contact with someone else told before a later keyword sentence ("You keep phoning my brother about this. Stop
     * it."): the keyword is about them, a restriction of whom, not a request to stop.
     */
    private static final Pattern SOMEONE_ELSE = Pattern.compile("\\b(?:ring|call|phon|text|contact|email|messag"
            + "|bother|harass|hound|pester)\\w* (?:my|his|her|our) (?:\\w+ )?(?:mum|mom|mam|mother|dad|father|parents?"
            + "|wife|husband|partner|son|daughter|kids?|children|family|sister|brother|grand\\w*|neighbou?rs?|boss"
            + "|employer|colleagues?|friends?|in-?laws?)\\b");
    private static final Pattern SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}]+");
    /**
     * A single letter set apart at the start of a longer reply, before Chinese words ("T，已还清", "T 我月底还",
     * "T\n我已经还清了"); written on ("T宝退款", "T什么T") it is part of a word, not the keyword.
     */
    private static final Pattern LEADING_LETTER = Pattern.compile("^(\\p{L})[\\s,，、:：.。!！]+(?=\\p{IsHan})");

    /** A keyword found: which, in which file, and how. */
    record Found(ReplyIntent intent, String keyword, String reason) {
    }

    private KeywordReader() {
    }

    static Optional<Found> whole(ReplyText reply, List<LanguageRules> order) {
        return find(reply.keyword(), order, false).map(f -> new Found(f.intent(), f.keyword(), f.intent().wire()
                + ": the whole reply is the keyword '" + f.keyword() + "'" + f.reason()));
    }

    /**
     * The first sentence of a longer reply that is on its own an opt-out keyword; one asked as a question ("Stop? Why
     * would I stop") is the word thrown back, and one taken back at once ("Stop. Actually no") was never meant: not a
     * request, and the rest decides.
     */
    static Optional<Found> sentence(ReplyText reply, List<LanguageRules> order) {
        String text = reply.normal();
        java.util.regex.Matcher letter = LEADING_LETTER.matcher(text);
        if (letter.find()) {
            Optional<Found> found = find(letter.group(1), order, false).filter(f -> f.intent().isOptOut());
            if (found.isPresent()) {
                Found f = found.get();
                return Optional.of(new Found(f.intent(), f.keyword(), f.intent().wire() + ": the reply starts with '"
                        + f.keyword() + "' set apart, a keyword" + f.reason()));
            }
        }
        java.util.regex.Matcher end = SENTENCE_END.matcher(text);
        int start = 0;
        while (start <= text.length()) {
            boolean more = end.find();
            String before = text.substring(0, start);
            String sentence = text.substring(start, more ? end.start() : text.length());
            boolean question = more && end.group().matches(".*[?？].*");
            start = more ? end.end() : text.length() + 1;
            boolean takenBack = more && TAKEN_BACK.matcher(text.substring(end.end())).find()
                    || SOMEONE_ELSE.matcher(before).find();
            Optional<Found> found = question || takenBack ? Optional.empty()
                    : find(ReplyText.keyword(sentence), order, true).filter(f -> f.intent().isOptOut());
            if (found.isPresent()) {
                Found f = found.get();
                return Optional.of(new Found(f.intent(), f.keyword(), f.intent().wire() + ": the sentence '"
                        + f.keyword() + "' is a keyword" + f.reason()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> find(String text, List<LanguageRules> order, boolean inSentence) {
        String bare = text;
        String how = "";
        for (int round = 0; round < 4 && !bare.isEmpty(); round++) {
            for (LanguageRules rules : order) {
                ReplyIntent intent = rules.keywords().get(bare);
                if (intent != null && !(inSentence && bare.codePointCount(0, bare.length()) == 1)) {
                    return Optional.of(new Found(intent, bare, " (" + rules.source() + " keywords." + intent.wire()
                            + how + ")"));
                }
            }
            String next = withoutCourtesy(bare, order);
            if (!next.equals(bare)) {
                how = "; courtesy words around it set aside";
            } else {
                next = once(bare);
                if (next.equals(bare)) {
                    return Optional.empty();
                }
                how = "; said more than once";
            }
            bare = next;
        }
        return Optional.empty();
    }

    /** The text without one courtesy word at its start or end ("please", "谢谢"), and the punctuation next to it. */
    private static String withoutCourtesy(String text, List<LanguageRules> order) {
        for (LanguageRules rules : order) {
            for (String word : rules.courtesy()) {
                if (text.length() > word.length() && text.startsWith(word) && boundary(text, word.length())) {
                    return ReplyText.keyword(text.substring(word.length()));
                }
                if (text.length() > word.length() && text.endsWith(word)
                        && boundary(text, text.length() - word.length())) {
                    return ReplyText.keyword(text.substring(0, text.length() - word.length()));
                }
            }
        }
        return text;
    }

    /** Latin words end where a letter stops; Chinese characters run on without spaces. */
    private static boolean boundary(String text, int at) {
        char before = text.charAt(at - 1);
        char after = text.charAt(at);
        return !(latin(before) && latin(after));
    }

    private static boolean latin(char c) {
        return c < 0x2e80 && Character.isLetterOrDigit(c);
    }

    /** "stop stop" and "退订退订" as "stop" and "退订"; anything else unchanged. */
    private static String once(String text) {
        String[] parts = SEPARATOR.split(text);
        if (parts.length > 1 && java.util.Arrays.stream(parts).allMatch(parts[0]::equals)) {
            return parts[0];
        }
        int half = text.length() / 2;
        if (text.length() % 2 == 0 && half > 0 && text.substring(0, half).equals(text.substring(half))) {
            return text.substring(0, half);
        }
        return text;
    }
}
