package io.parley.reply;

import java.util.List;
import java.util.Locale;

import static io.parley.reply.CorpusScore.percent;

/** The score of a corpus as a short text: the headline numbers, the intents one by one, and what went wrong. */
final class ScoreReport {
    private ScoreReport() {
    }

    static String headline(String name, CorpusScore score) {
        List<CorpusScore.Scored> rows = score.scored();
        long en = rows.stream().filter(s -> s.label().english()).count();
        long adversarial = rows.stream().filter(s -> s.label().adversarial()).count();
        List<CorpusScore.Scored> promises = score.promises();
        long exact = promises.stream().filter(CorpusScore.Scored::promiseExact).count();
        return String.join("\n",
                name + ": " + rows.size() + " replies (" + en + " English, " + (rows.size() - en) + " Chinese, "
                        + adversarial + " adversarial)",
                "- intent accuracy " + percent(score.intentAccuracy(r -> true)) + " (en "
                        + percent(score.intentAccuracy(LabelledReply::english)) + ", zh "
                        + percent(score.intentAccuracy(r -> !r.english())) + ", adversarial "
                        + percent(score.intentAccuracy(LabelledReply::adversarial)) + ")",
                "- opt-out as the primary intent: " + score.primaryOptOut(),
                "- opt-outs taking effect (primary or secondary): " + score.optOutEffect() + "; scope exact on "
                        + percent(score.scopeAccuracy()) + " of those caught",
                "- promise amount and date both exact: " + exact + " of " + promises.size() + " ("
                        + percent(score.promiseExact()) + ")",
                "- secondary intent: " + score.secondary());
    }

    static String byIntent(CorpusScore score) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-18s %5s %5s %5s %9s %7s", "intent", "rows",
                "tp", "fp", "precision", "recall"));
        for (ReplyIntent intent : ReplyIntent.values()) {
            CorpusScore.Rate r = score.intent(intent);
            table.append(String.format(Locale.ROOT, "%n%-18s %5d %5d %5d %9s %7s", intent.wire(), r.expected(),
                    r.truePositives(), r.falsePositives().size(), percent(r.precision()), percent(r.recall())));
        }
        return table.toString();
    }

    static String mistakes(CorpusScore score) {
        StringBuilder out = new StringBuilder();
        for (CorpusScore.Scored s : score.scored()) {
            boolean promiseWrong = s.label().intent() == ReplyIntent.PROMISE_TO_PAY && !s.promiseExact();
            boolean scopeWrong = s.label().optsOut() != s.got().optsOut()
                    || s.label().optsOut() && !s.label().scope().equals(s.got().scope());
            if (!s.intentRight() || !s.secondaryRight() || promiseWrong || scopeWrong) {
                out.append("  ").append(s.describe()).append('\n');
            }
        }
        return out.toString();
    }
}
