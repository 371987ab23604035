package io.parley.reply;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the amount a promise names. In order of preference: a sum marked as money ($300, £1,200.50, 300 dollars,
 * 500元, 五百块, 1k bucks, 2千, 1.2w, R1 200, RM800, 新币一千, ₹1,50,000, 1.5 lakh), unless refused just before it
 * ("not 1k"); a bare number that is not a time, a duration, a date, a code or a balance restated (pay 200, 还1000,
 * 一千二, 千五); a share of the balance (half, 一半: 0.5; in full, the rest, 全部, 还清: 1). Dates are hidden before
 * amounts are read, so the 5 of "12/05" or "15号" is never an amount. Of the preferred kind, the amount nearest the
 * words that made the reply a promise wins ("can't pay 500 but can pay 100": 100), the first one when those words are
 * not known.
 */
final class AmountFinder {
    /** 1,200 or 1200, and Indian grouping (1,50,000). */
    private static final String WHOLE = "\\d{1,3}(?:,\\d{3})+|\\d{1,2}(?:,\\d{2})+,\\d{3}|\\d+";
    private static final String CENTS = "(?:\\.(\\d{1,2}))?";
    private static final String NUMBER = "(" + WHOLE + ")" + CENTS;
    /** After a currency sign or code, thousands may also be grouped with spaces (R1 200). */
    private static final String SIGNED_NUMBER = "(\\d{1,3}(?: \\d{3})+(?![\\d.,])|" + WHOLE + ")" + CENTS;
    /** Currencies said in Chinese, before or after the sum (新币一千, 三千港纸, 600令吉). */
    private static final String CN_CURRENCY = "新币|港币|港纸|令吉|马币|新台币|台币|人民币";
    /** Chinese numerals, not the 一 of a word that follows them (一万一次性 is 一万). */
    private static final String CN = "(?:(?!一(?:次|起|下|些|定|直|共|点|样|般))[零〇一二两三四五六七八九十百千万])+";
    private static final Pattern MARKED = Pattern.compile(
            "(?:[$£€¥￥₹]|(?<![a-z])(?:usd|gbp|eur|rmb|cny|inr|zar|aud|cad|nzd|sgd|myr|hkd)(?![a-z])|(?<![a-z])(?:rs|rm)\\b\\.?|(?<![a-z])(?:r|rm)(?=\\d)"
                    + "|" + CN_CURRENCY + ") ?" + SIGNED_NUMBER + "( ?k(?![a-z]))?(?![.,]?\\d)(?! ?(?:lakhs?\\b|lacs?\\b|crores?\\b|[百千万]|w(?![a-z])))"
                    + "|(?<![\\d.])(?<!\\d,)" + NUMBER + "( ?k(?![a-z]))? ?(?:dollars?\\b|bucks\\b|usd\\b|pounds?\\b|quid\\b|gbp\\b"
                    + "|euros?\\b|eur\\b|yuan\\b|rmb\\b|cny\\b|rand\\b|ringgit\\b|rupees?\\b|元|块|圆|" + CN_CURRENCY + ")"
                    + "|(?<![\\d.])(?<!\\d,)(\\d+(?:\\.\\d+)?) ?([百千万]|w(?![a-z])|lakhs?\\b|lacs?\\b|crores?\\b)(\\d(?![\\d.]))?"
                    + "|(" + CN + ") ?(?:元|块|圆|" + CN_CURRENCY + ")"
                    + "|(?:" + CN_CURRENCY + ") ?(" + CN + ")");
    private static final Pattern BARE = Pattern.compile("(?<![a-z\\d./:$£€¥￥₹-])(?<!\\d,)" + NUMBER + "( ?k(?![a-z]))?(?![\\d/:%])"
            + "|(" + CN + ")");
    private static final Pattern NOT_AMOUNT_AFTER = Pattern.compile("^ ?(?:st\\b|nd\\b|rd\\b|th\\b|am\\b|pm\\b|a\\.m|p\\.m"
            + "|o'?clock|%|days?\\b|weeks?\\b|months?\\b|years?\\b|yrs?\\b|hours?\\b|hrs?\\b|mins?\\b|minutes?\\b"
            + "|times?\\b|kids?\\b|children\\b|sure\\b|real\\b|号|日|点|天|个|月|周|年|次|期|分|岁|小时|星期|礼拜)");
    private static final Pattern NOT_AMOUNT_BEFORE = Pattern.compile("(?:\\b(?:after|before|at|around|until|till|by"
            + "|chapter|ch|number|no|#|lost|in|within|ext|x|than|gate|terminal|flight|order|ref|reference|room|seat"
            + "|apt|unit|account|acct|card|ending|case|invoice|confirmation|platform|bus|route|train|pin|zip|code|id"
            + "|extension|version|line|floor|suite|building|ua|aa|dl|ba|ek|qf|sq|cx|mu|cz|af|lh|qr|ey|ai|jl|nh|ke|tk|vs|wn"
            + ")(?: (?:number|no|#))?(?: is)?|周|星期|礼拜|第|订单号?是?"
            + "|流水号|编号|尾号|航班|登机口|房间|卡号|案号|账号|单号|应还|共欠|一共欠|总共欠|欠款|余额) ?$");
    /** A sum refused just before it: "not 1k, just 500", "不是两千". */
    private static final Pattern NEGATED = Pattern.compile("(?:\\bnot|n't|\\bnever|不是)(?: [a-z']+){0,3} ?$");
    private static final Pattern HALF = Pattern.compile("\\bhalf\\b|一半|\\b50 ?%|(?<![\\d/])1/2(?![\\d/])|½");
    private static final Pattern QUARTER = Pattern.compile("\\b(?:a |one )?quarter\\b|四分之一|\\b25 ?%|(?<![\\d/])1/4(?![\\d/])|¼");
    private static final Pattern FULL = Pattern.compile("\\b(?:in full|full amount|the full balance|full balance"
            + "|the whole (?:amount|balance|thing|lot)|the lot|the rest|the remaining(?: balance| amount)?|remaining balance"
            + "|everything i owe|all of it|it all|(?<=pay |paying )(?:it|this|that|everything) off|the balance|all i owe|the full|what i owe|whatever i owe|what is owed"
            + "|what's owed|everything owed|the total(?: amount| balance)?|the entire (?:balance|amount|debt)|the whole debt"
            + "|(?<=clear |settle )(?:everything|it all|the lot|all of it))\\b|还晒|给晒|全部|全额|还清|结清|缴清|付清|一次性|剩下的|剩余的|余款");

    /** An amount read from a reply: the words, and either a sum or a share of the balance. */
    record Found(String text, BigDecimal amount, BigDecimal fraction, String how) {
    }

    private AmountFinder() {
    }

    /** The amount in text whose dates have been hidden, nearest the anchor (a span of text; null for none). */
    static Optional<Found> find(String text, ReplyText.Span anchor) {
        Nearest nearest = new Nearest(anchor);
        Matcher m = MARKED.matcher(text);
        while (m.find()) {
            if (refused(text, m.start())) {
                continue;
            }
            Optional<BigDecimal> value = marked(m);
            if (value.isPresent()) {
                nearest.offer(m, new Found(m.group().trim(), value.get(), null, "a sum marked as money"));
            }
        }
        Nearest share = shares(text, anchor);
        if (nearest.best == null) {
            bare(text, nearest);
        }
        // 一次性 (in one go) says how, not how much, when a sum is named too (凑够一万一次性打给你们)
        boolean howOnly = share.best != null && share.best.text().equals("一次性") && nearest.best != null;
        if (share.best != null && anchor != null && share.bestDistance <= 6 && !howOnly
                && (nearest.best == null || share.bestDistance < nearest.bestDistance)) {
            return Optional.of(share.best);
        }
        return Optional.ofNullable(nearest.best != null ? nearest.best : share.best);
    }

    /** Numbers that are not dates, times, durations or codes: pay 200, 还1000, 一千二. */
    private static void bare(String text, Nearest nearest) {
        Matcher m = BARE.matcher(text);
        while (m.find()) {
            if (NOT_AMOUNT_AFTER.matcher(text.substring(m.end())).find()
                    || refused(text, m.start())
                    || NOT_AMOUNT_BEFORE.matcher(text.substring(Math.max(0, m.start() - 24), m.start())).find()) {
                continue;
            }
            BigDecimal value;
            if (m.group(4) != null) {
                String cn = m.group(4);
                if (!cn.matches(".*[十百千万].*") || cn.equals("万") || cn.equals("千") || cn.equals("百")) {
                    continue;
                }
                if (cn.matches("[百千万].+")) {
                    cn = "一" + cn; // 千五 is 一千五
                }
                value = ChineseNumber.parseOrDigits(cn);
            } else if (m.group(1).replace(",", "").length() > 7) {
                continue;
            } else {
                value = number(m.group(1), m.group(2), m.group(3));
            }
            if (value != null && value.signum() > 0) {
                nearest.offer(m, new Found(m.group().trim(), value, null, "a number that is not a date or a time"));
            }
        }
    }

    /** Whether the sum starting at {@code start} is refused just before it ("not 1k", "not going to pay $500"). */
    private static boolean refused(String text, int start) {
        return NEGATED.matcher(text.substring(Math.max(0, start - 30), start)).find();
    }

    /**
     * Shares of the balance (half, a quarter, in full / the rest), the one nearest the anchor. A share right after the
     * promise words ("will pay the rest") wins over a number said elsewhere ("I paid 100 yesterday").
     */
    private static Nearest shares(String text, ReplyText.Span anchor) {
        Nearest nearest = new Nearest(anchor);
        for (Object[] share : new Object[][]{{HALF, "0.5", "half of the balance"},
                {QUARTER, "0.25", "a quarter of the balance"}, {FULL, "1", "the whole balance"}}) {
            Matcher m = ((Pattern) share[0]).matcher(text);
            while (m.find()) {
                nearest.offer(m, new Found(m.group(), null, new BigDecimal((String) share[1]), (String) share[2]));
            }
        }
        return nearest;
    }

    private static final class Nearest {
        private final ReplyText.Span anchor;
        private Found best;
        private int bestDistance = Integer.MAX_VALUE;

        Nearest(ReplyText.Span anchor) {
            this.anchor = anchor;
        }

        void offer(Matcher m, Found found) {
            int distance = anchor == null ? 0 : anchor.distance(m.start(), m.end());
            if (best == null || distance < bestDistance) {
                best = found;
                bestDistance = distance;
            }
        }
    }

    /** Replaces every date found with spaces, keeping positions. */
    static String hide(String text, List<DateFinder.Found> dates) {
        StringBuilder hidden = new StringBuilder(text);
        for (DateFinder.Found date : dates) {
            for (int i = date.start(); i < date.end(); i++) {
                hidden.setCharAt(i, ' ');
            }
        }
        return hidden.toString();
    }

    private static Optional<BigDecimal> marked(Matcher m) {
        BigDecimal value = null;
        if (m.group(1) != null) {
            value = number(m.group(1), m.group(2), m.group(3));
        } else if (m.group(4) != null) {
            value = number(m.group(4), m.group(5), m.group(6));
        } else if (m.group(7) != null) {
            String word = m.group(8);
            BigDecimal unit = word.startsWith("la") ? BigDecimal.valueOf(100_000)
                    : word.startsWith("cr") ? BigDecimal.valueOf(10_000_000)
                    : switch (word) {
                        case "百" -> BigDecimal.valueOf(100);
                        case "千" -> BigDecimal.valueOf(1000);
                        default -> BigDecimal.valueOf(10000);
                    };
            value = new BigDecimal(m.group(7)).multiply(unit);
            if (m.group(9) != null) {
                value = value.add(new BigDecimal(m.group(9)).multiply(unit).divide(BigDecimal.TEN));
            }
        } else if (m.group(10) != null) {
            value = ChineseNumber.parseOrDigits(m.group(10));
        } else if (m.group(11) != null) {
            value = ChineseNumber.parseOrDigits(m.group(11));
        }
        return Optional.ofNullable(value).filter(v -> v.signum() > 0).map(BigDecimal::stripTrailingZeros)
                .map(v -> v.scale() < 0 ? v.setScale(0) : v);
    }

    private static BigDecimal number(String whole, String cents, String thousands) {
        BigDecimal value = new BigDecimal(whole.replace(",", "").replace(" ", "") + (cents == null ? "" : "." + cents));
        if (thousands != null) {
            value = value.multiply(BigDecimal.valueOf(1000));
        }
        value = value.stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }
}
