package io.parley.reply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a promise's day and amount, relative to the words that made the reply a promise: the days the reply names
 * ({@link DateFinder}), the promised one chosen ({@link DateChoice}); then, with every day hidden and number words
 * written as digits ({@link NumberWords}), the amount ({@link AmountFinder}). Each step adds its reason.
 */
final class PromiseReader {
    private PromiseReader() {
    }

    static PromiseToPay read(ReplyText reply, IntentMatcher.Hit hit, List<LanguageRules> order, Locale locale,
                             ZoneId zone, Instant arrivedAt, List<String> reasons) {
        LocalDate today = LocalDate.ofInstant(arrivedAt, zone);
        LanguageRules.DateOrder dateOrder = order.get(0).language().equals(locale.getLanguage())
                ? order.get(0).dateOrder(locale.getCountry().isEmpty() ? null : locale.getCountry())
                : LanguageRules.DateOrder.MONTH_DAY;
        List<DateFinder.Found> days = DateFinder.findAll(reply.normal(), new DateFinder.Context(today, dateOrder));
        ReplyText.Span anchor = hit.end() > hit.start() ? reply.inNormal(hit.start(), hit.end()) : null;
        String arrival = "arrived " + arrivedAt + ", " + today + " (" + today.getDayOfWeek().getDisplayName(
                TextStyle.FULL, Locale.ENGLISH) + ") in " + zone.getId();
        DateChoice.Choice choice = DateChoice.choose(reply.normal(), days, anchor);
        days.stream().filter(d -> d.date() == null).forEach(d -> reasons.add("promise date: " + d.how()));
        if (!choice.setAside().isEmpty()) {
            reasons.add("promise date: set aside " + String.join(", ", choice.setAside()));
        }
        Optional<DateFinder.Found> day = choice.day();
        LocalDate date = day.map(DateFinder.Found::date).orElse(null);
        String dateText = day.map(d -> d.text().trim()).orElse("");
        if (day.isEmpty()) {
            reasons.add("promise date: none named");
        } else {
            reasons.add("promise date: '" + dateText + "' is " + date + ", " + day.get().how() + " (" + arrival + ")");
            long named = days.stream().filter(d -> d.date() != null).count();
            if (named > 1) {
                reasons.add("promise date: of the " + named + " days named, the one nearest '" + hit.matched()
                        + "' was taken");
            }
        }
        String amounts = NumberWords.digits(AmountFinder.hide(reply.normal(), days));
        Optional<AmountFinder.Found> amount = AmountFinder.find(amounts, anchor);
        if (amount.isEmpty()) {
            reasons.add("promise amount: none named");
        } else {
            AmountFinder.Found a = amount.get();
            reasons.add("promise amount: '" + a.text() + "' is " + (a.amount() != null ? a.amount().toPlainString()
                    : a.fraction().toPlainString() + " of the balance") + " (" + a.how() + ")");
        }
        return new PromiseToPay(amount.map(AmountFinder.Found::amount).orElse(null),
                amount.map(AmountFinder.Found::fraction).orElse(null), date,
                amount.map(AmountFinder.Found::text).map(String::trim).orElse(""), dateText);
    }
}
