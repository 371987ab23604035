package io.parley.channel.letter;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The fixed wording of a letter around the template's text (labels, headings, how to pay, how to reach us, page
 * numbers), in English and Simplified Chinese. Other locales fall back to their language, then to English.
 */
record LetterLabels(String date, String reference, String contractNo, String amount, String daysPastDue,
                    String dueDate, String payBy, String consequences, String howToPay, String contact,
                    String notices, String page, String payText, String contactText) {

    private static final LetterLabels ENGLISH = new LetterLabels("Date", "Our reference", "Contract number",
            "Amount due", "Days past due", "Payment was due on", "Please pay by", "If you do not pay", "How to pay",
            "How to reach us", "Important information", "Page {0} of {1}",
            "Pay online at {0}, or call us on {1} to pay by phone or to agree a payment plan. Please quote your "
                    + "contract number {2} with every payment.",
            "Call us on {0}, or write to us at {1}. Please quote your contract number.");

    private static final LetterLabels CHINESE = new LetterLabels("日期", "我方编号", "合同编号", "应还金额", "逾期天数",
            "原还款日", "最后还款日", "逾期后果", "还款方式", "联系我们", "重要提示", "第{0}页，共{1}页",
            "请通过 {0} 在线还款，或致电 {1} 电话还款或协商还款方案。还款时请注明合同编号 {2}。",
            "请致电 {0}，或致函 {1}。来电或来函时请提供您的合同编号。");

    private static final Map<String, LetterLabels> BY_TAG = Map.of("en", ENGLISH, "zh-CN", CHINESE, "zh", CHINESE);

    /** The wording for a locale: its exact tag, then its language, then English. */
    static LetterLabels of(String locale) {
        Locale parsed = Locale.forLanguageTag(locale);
        LetterLabels exact = BY_TAG.get(parsed.toLanguageTag());
        return exact != null ? exact : BY_TAG.getOrDefault(parsed.getLanguage(), ENGLISH);
    }

    String pay(String payUrl, String phone, String contractNo, Locale locale) {
        return new MessageFormat(payText, locale).format(new Object[]{payUrl, phone, contractNo});
    }

    String reach(String phone, String postalAddress, Locale locale) {
        return new MessageFormat(contactText, locale).format(new Object[]{phone, postalAddress});
    }
}
