package io.parley.reply;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/** Scores a corpus's labels against the classifier's predictions. */
final class CorpusScore {
    static final Set<ReplyIntent> OPT_OUTS = EnumSet.of(ReplyIntent.OPT_OUT, ReplyIntent.OPT_OUT_ALL);

    record Scored(LabelledReply label, Prediction got) {
        boolean intentRight() {
            return got.intent() == label.intent();
        }

        /** Right when it is what the label says; always right where the corpus does not label secondaries. */
        boolean secondaryRight() {
            return !label.fullyLabelled() || Objects.equals(got.secondary(), label.secondary());
        }

        boolean promiseExact() {
            if (got.intent() != ReplyIntent.PROMISE_TO_PAY) {
                return false;
            }
            String date = got.date() == null ? "" : got.date().toString();
            return date.equals(label.date()) && amountMatches();
        }

        private boolean amountMatches() {
            String expected = label.amount();
            if (expected.isEmpty()) {
                return got.amount() == null && got.fractionOfBalance() == null;
            }
            if (expected.startsWith("x")) {
                return got.fractionOfBalance() != null && got.amount() == null
                        && got.fractionOfBalance().compareTo(new BigDecimal(expected.substring(1))) == 0;
            }
            return got.amount() != null && got.amount().compareTo(new BigDecimal(expected)) == 0;
        }

        String describe() {
            LabelledReply l = label;
            return "line " + l.line() + " '" + l.text().replace("\n", "\\n") + "' (" + l.locale() + ", " + l.channel()
                    + "): expected " + l.intent().wire() + wire(l.secondary()) + " " + l.scope() + " "
                    + l.amount() + " " + l.date() + "; got " + got.intent().wire() + wire(got.secondary()) + " "
                    + got.scope() + " " + (got.fractionOfBalance() != null ? "x" + got.fractionOfBalance()
                    : got.amount()) + " " + got.date() + " " + got.reasons();
        }

        private static String wire(ReplyIntent intent) {
            return intent == null ? "" : "+" + intent.wire();
        }
    }

    /** Precision and recall of one yes/no question over the corpus. */
    record Rate(int expected, int truePositives, List<String> falsePositives, List<String> falseNegatives) {
        double precision() {
            int predicted = truePositives + falsePositives.size();
            return predicted == 0 ? 1.0 : (double) truePositives / predicted;
        }

        double recall() {
            return expected == 0 ? 1.0 : (double) truePositives / expected;
        }

        @Override
        public String toString() {
            return "precision " + percent(precision()) + " (" + falsePositives.size() + " false), recall "
                    + percent(recall()) + " (" + falseNegatives.size() + " missed of " + expected + ")";
        }
    }

    private final List<Scored> scored;

    CorpusScore(List<Scored> scored) {
        this.scored = List.copyOf(scored);
    }

    List<Scored> scored() {
        return scored;
    }

    double intentAccuracy(Predicate<LabelledReply> which) {
        List<Scored> rows = scored.stream().filter(s -> which.test(s.label())).toList();
        return rows.isEmpty() ? 1.0 : (double) rows.stream().filter(Scored::intentRight).count() / rows.size();
    }

    /** Opt-out as the primary intent (opt_out or opt_out_all), as the training corpus has always been scored. */
    Rate primaryOptOut() {
        return rate(s -> OPT_OUTS.contains(s.label().intent()), s -> OPT_OUTS.contains(s.got().intent()));
    }

    /** Anything opted out, as the primary or the secondary intent: what takes effect. */
    Rate optOutEffect() {
        return rate(s -> s.label().optsOut(), s -> s.got().optsOut());
    }

    /** Of the replies rightly taken as opting out of something, those whose scope is exactly right. */
    double scopeAccuracy() {
        List<Scored> both = scored.stream().filter(s -> s.label().optsOut() && s.got().optsOut()).toList();
        return both.isEmpty() ? 1.0
                : (double) both.stream().filter(s -> s.label().scope().equals(s.got().scope())).count() / both.size();
    }

    Rate intent(ReplyIntent intent) {
        return rate(s -> s.label().intent() == intent, s -> s.got().intent() == intent);
    }

    /** Rows with a labelled secondary intent that got exactly it, out of those rows. */
    Rate secondary() {
        List<Scored> labelled = scored.stream().filter(s -> s.label().fullyLabelled()).toList();
        return new CorpusScore(labelled).rate(s -> s.label().secondary() != null,
                s -> s.got().secondary() != null && (s.label().secondary() == null || s.secondaryRight()));
    }

    List<Scored> promises() {
        return scored.stream().filter(s -> s.label().intent() == ReplyIntent.PROMISE_TO_PAY).toList();
    }

    double promiseExact() {
        List<Scored> promises = promises();
        return promises.isEmpty() ? 1.0 : (double) promises.stream().filter(Scored::promiseExact).count() / promises.size();
    }

    private Rate rate(Predicate<Scored> expected, Predicate<Scored> got) {
        int rows = 0;
        int tp = 0;
        List<String> fp = new ArrayList<>();
        List<String> fn = new ArrayList<>();
        for (Scored s : scored) {
            boolean e = expected.test(s);
            boolean g = got.test(s);
            rows += e ? 1 : 0;
            if (e && g) {
                tp++;
            } else if (g) {
                fp.add(s.describe());
            } else if (e) {
                fn.add(s.describe());
            }
        }
        return new Rate(rows, tp, fp, fn);
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }
}
