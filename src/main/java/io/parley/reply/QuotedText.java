package io.parley.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The debtor's own words of a reply, without what it quotes: lines under '>' (how mail programs and some phones mark
 * a quoted message), and the original message a mail program puts below a reply ("On ... wrote:", "-----Original
 * Message-----", a block of From:/Sent: headers, and their Chinese forms "在 ... 写道：", "原始邮件", "发件人：/发送时间：").
 * A collector's own words quoted back ("Reply STOP to opt out") are never the debtor's request. When a reply is
 * nothing but a quotation it is kept whole: there is nothing else to read.
 */
final class QuotedText {
    private static final Pattern QUOTED_LINE = Pattern.compile("^\\s*[>＞]");
    private static final Pattern ORIGINAL = Pattern.compile(
            "^\\s*(?:-{2,}\\s*(?:original message|forwarded message|原始邮件|原邮件|转发邮件)\\s*-{2,}"
                    + "|_{5,}|on\\b.{0,200}\\bwrote:?|在.{0,100}写道[:：]?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_FROM = Pattern.compile("^\\s*(?:from|发件人)\\s*[:：]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_NEXT = Pattern.compile(
            "^\\s*(?:sent|date|to|subject|cc|发送时间|时间|日期|收件人|主题|抄送)\\s*[:：]", Pattern.CASE_INSENSITIVE);

    private QuotedText() {
    }

    /** The reply's own words, and how many lines of quotation were set aside. */
    record Own(String text, int quotedLines) {
    }

    static Own of(String text) {
        if (text == null || text.isEmpty()) {
            return new Own(text, 0);
        }
        String[] lines = text.split("\\r?\\n|\\r", -1);
        int end = lines.length;
        for (int i = 0; i < lines.length; i++) {
            if (ORIGINAL.matcher(lines[i]).matches() || HEADER_FROM.matcher(lines[i]).find()
                    && i + 1 < lines.length && HEADER_NEXT.matcher(lines[i + 1]).find()) {
                end = i;
                break;
            }
        }
        List<String> own = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            if (!QUOTED_LINE.matcher(lines[i]).find()) {
                own.add(lines[i]);
            }
        }
        int quoted = lines.length - own.size();
        String kept = String.join("\n", own);
        if (quoted == 0 || kept.isBlank()) {
            return new Own(text, 0);
        }
        return new Own(kept, quoted);
    }
}
