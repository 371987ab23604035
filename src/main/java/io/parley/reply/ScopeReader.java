package io.parley.reply;

import io.parley.domain.Channel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which channels a sentence opt-out stops: the channels named in the clauses its phrase matched in ("stop emailing
 * me. Texts are fine." names email only; "别打电话了，也别发短信" names voice and SMS), each file's {@code channels}
 * words. A clause ends at sentence punctuation or a comma, and before a channel offered instead ("stop texting me and
 * email me instead" names SMS only). When calls, texts and emails are all named the request covers all contact.
 */
final class ScopeReader {
    private static final String CLAUSE_END = ".!?;,:\n，。！？；：";
    /** What follows a comma that goes on with a list ("calls, texts and emails"), not a new clause. */
    private static final java.util.regex.Pattern LIST_TAIL = java.util.regex.Pattern.compile(
            " ?(?:[\\p{L}']+ ){0,1}[\\p{L}']+ (?:and|or|&|nor) [\\p{L}']+(?: (?:to|from) (?:me|us|you))?"
                    + "(?: (?:again|any ?more|any longer|ever|at all|please|either))*\\s*");
    private static final Set<Channel> EVERY_WAY = Set.of(Channel.SMS, Channel.EMAIL, Channel.VOICE);
    /** Words that offer another channel instead: "stop texting me and email me instead", "别打电话，有事发邮件". */
    private static final java.util.regex.Pattern CONTRAST = java.util.regex.Pattern.compile(
            "\\b(?:instead|rather|only|is fine|are fine|is ok|are ok|works|is better|can still|keep)\\b|就行|就好|即可|可以|有事|改用");
    private static final java.util.regex.Pattern CONJUNCTION = java.util.regex.Pattern.compile(
            " (?:and|but|or) |但是?|而且?|，|,");

    /** The channels named and why. */
    record Scope(Set<Channel> named, String reason) {
        boolean everyWay() {
            return named.containsAll(EVERY_WAY);
        }
    }

    private ScopeReader() {
    }

    static Scope read(ReplyText reply, List<IntentMatcher.Hit> optOuts, List<LanguageRules> order) {
        Set<Channel> named = new LinkedHashSet<>();
        List<String> clauses = new java.util.ArrayList<>();
        for (IntentMatcher.Hit hit : optOuts) {
            ReplyText.Span span = reply.inNormal(hit.start(), hit.end());
            String clause = clause(reply.normal(), span);
            clauses.add("'" + clause.trim() + "'");
            String words = ReplyText.of(clause).words();
            for (LanguageRules rules : order) {
                rules.channels().forEach((channel, patterns) -> {
                    if (patterns.stream().anyMatch(p -> p.pattern().matcher(words).find())) {
                        named.add(channel);
                    }
                });
            }
        }
        String reason = named.isEmpty()
                ? "opt-out scope: no channel named in " + String.join(", ", clauses) + ", so the channel it came on"
                : "opt-out scope: " + OptOutScope.wires(named) + ", named in " + String.join(", ", clauses);
        return new Scope(Set.copyOf(named), reason);
    }

    private static int end(String text, int from) {
        int to = from;
        while (to < text.length() && CLAUSE_END.indexOf(text.charAt(to)) < 0) {
            to++;
        }
        return to;
    }

    /** The clauses a span touches: back to the previous clause end, on to the next. */
    private static String clause(String text, ReplyText.Span span) {
        int from = span.start();
        while (from > 0 && CLAUSE_END.indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        int to = end(text, span.end());
        while (to < text.length() && text.charAt(to) == ',' && LIST_TAIL.matcher(text.substring(to + 1,
                end(text, to + 1))).matches()) {
            to = end(text, to + 1);
        }
        String after = text.substring(span.end(), to);
        java.util.regex.Matcher contrast = CONTRAST.matcher(after);
        if (contrast.find()) {
            int cut = contrast.start();
            java.util.regex.Matcher conjunction = CONJUNCTION.matcher(after.substring(0, contrast.start()));
            while (conjunction.find()) {
                cut = conjunction.start();
            }
            to = span.end() + cut;
        }
        return text.substring(from, to);
    }
}
