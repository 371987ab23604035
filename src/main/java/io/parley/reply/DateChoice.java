package io.parley.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which of the days a reply names is the day it promises to pay: of the days that name a day, those that belong to
 * something else are set aside while another is left (a payday before the payment day, a day the debtor says will not
 * do, the date of a letter, a notice or a call); of those left, the days in the clause of the words that made the
 * reply a promise are preferred, and the one nearest those words wins (the first when those words are not known). A payday that is the only day named is the day ("I'll pay when I get
 * paid on Friday").
 */
final class DateChoice {
    private static final List<Context> ASIDE = List.of(
            new Context("a payday", Pattern.compile("(?:\\b(?:get|got|gets|getting|i'm|im|am|be|get) paid(?: on)?"
                    + "|\\bpay ?day(?: is)?(?: on)?|\\bpaycheck(?: comes| is)?(?: on)?|工资|发薪日?|薪水)\\s*$"),
                    Pattern.compile("^\\s*(?:is (?:my )?payday|发工资|发薪|工资|到账|出粮)")),
            new Context("a day that will not do", Pattern.compile("\\b(?:can't|cannot|can not|cant|won't|wont|not|unable"
                    + " to|couldn't)(?: (?!but\\b|instead\\b|rather\\b|though\\b|so\\b)\\w+){0,2} (?:on )?$|不是\\s*$"),
                    Pattern.compile("^\\s*(?:不行|不可以|不方便|没办法|没空|不了|可能不行|is no good|doesn't work|does not work"
                            + "|won't work|is bad|isn't good|no good)")),
            new Context("a due date restated", Pattern.compile("(?:\\b(?:is|was|are|were|it's|its) due(?: on)?(?: the)?"
                    + "|\\bdue date(?: is)?(?: on)?(?: the)?|到期日(?:是|为)?|还款日(?:是|为)?|截止日(?:是|为)?)\\s*$"),
                    Pattern.compile("^\\s*(?:到期|截止)")),
            new Context("the date of something else", Pattern.compile("(?:\\b(?:dated|letter|notice|statement|invoice|"
                    + "received|our call|we spoke|spoke|talked|since|court date|hearing|court) (?:of |on |from |is )?"
                    + "(?:the )?|收到|来函|关于贵司|贵司|开庭(?:是|在)?|庭审(?:是|在)?)\\s*$"),
                    Pattern.compile("^\\s*(?:收到|寄来|发来|的来函|的通知|的信|的函|的邮件|的短信|的账单|来函)")));

    private record Context(String what, Pattern before, Pattern after) {
        boolean matches(String text, DateFinder.Found day) {
            String left = text.substring(Math.max(0, day.start() - 30), day.start());
            return before.matcher(left).find() || after.matcher(text.substring(day.end())).find();
        }
    }

    /** The promised day and, for the reasons, what was set aside. */
    record Choice(Optional<DateFinder.Found> day, List<String> setAside) {
    }

    private static final String CLAUSE_END = ".!?;,\n，。！？；";

    private DateChoice() {
    }

    /** No clause punctuation between the day and the promise words: "My flight lands Sunday, I'll pay on Monday". */
    private static boolean sameClause(String text, ReplyText.Span anchor, DateFinder.Found day) {
        int from = Math.min(anchor.end(), day.end());
        int to = Math.max(anchor.start(), day.start());
        for (int i = from; i < to; i++) {
            if (CLAUSE_END.indexOf(text.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    static Choice choose(String text, List<DateFinder.Found> found, ReplyText.Span anchor) {
        List<DateFinder.Found> days = found.stream().filter(f -> f.date() != null).toList();
        List<DateFinder.Found> kept = new ArrayList<>();
        List<String> aside = new ArrayList<>();
        for (DateFinder.Found day : days) {
            Optional<Context> context = ASIDE.stream().filter(c -> c.matches(text, day)).findFirst();
            if (context.isPresent()) {
                aside.add("'" + day.text().trim() + "' (" + context.get().what() + ")");
            } else {
                kept.add(day);
            }
        }
        if (kept.isEmpty()) {
            kept = days;
            aside = List.of();
        }
        if (anchor != null) {
            List<DateFinder.Found> sameClause = kept.stream().filter(d -> sameClause(text, anchor, d)).toList();
            kept = sameClause.isEmpty() ? kept : sameClause;
        }
        DateFinder.Found best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (DateFinder.Found day : kept) {
            int distance = anchor == null ? 0 : anchor.distance(day.start(), day.end());
            if (best == null || distance < bestDistance) {
                best = day;
                bestDistance = distance;
            }
        }
        return new Choice(Optional.ofNullable(best), aside);
    }
}
