package io.parley.channel.email.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The new text in a reply: what the person wrote, without the quoted history their client appended (or prepended,
 * or interleaved) and without their signature.
 *
 * <p>Line-based, in this order:
 * <ol>
 *   <li>Lines starting with {@code >} are quoted history and dropped; text between them is kept (bottom-posting and
 *       inline answers), with a blank line where a quote was.</li>
 *   <li>An attribution line ("On ... wrote:", "在 ...，... 写道：", "... 于 ... 写道：", possibly wrapped over up to
 *       three lines) is dropped when {@code >} lines follow it; when unquoted text follows, that text is the quoted
 *       original (clients that quote without markers) and everything from the attribution on is cut.</li>
 *   <li>Everything from a history separator on is cut: "-----Original Message-----", "------------------ 原始邮件
 *       ------------------" and their kin, a line of underscores followed by a header block, or a header block
 *       itself ("From:" / "发件人:" followed within a few lines by "Sent:", "Date:", "To:", "Subject:", "发送时间:",
 *       "收件人:", "主题:" ...).</li>
 *   <li>Everything from a signature on is cut: the "-- " delimiter, or a short client signature line ("Sent from my
 *       iPhone", "Get Outlook for iOS", "发自我的iPhone", "发自网易邮箱大师" ...).</li>
 *   <li>Trailing spaces, leading and trailing blank lines go, and runs of blank lines become one.</li>
 * </ol>
 */
public final class ReplyText {
    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern SEPARATOR = Pattern.compile(
            "^(?:-{2,}|_{2,})\\s*(?:original message|original|forwarded message|replied message|reply message"
                    + "|message d'origine|ursprüngliche nachricht|mensaje original|messaggio originale"
                    + "|原始邮件|原始郵件|原邮件|回复的原邮件|转发的邮件|转发邮件|轉寄郵件|轉發郵件)\\s*(?:-{2,}|_{2,})$"
                    + "|^begin forwarded message\\s*:$|^开始转发的邮件\\s*[:：]$", CI);
    private static final Pattern UNDERSCORES = Pattern.compile("^_{8,}$");
    private static final Pattern HEADER_FROM = Pattern.compile(
            "^\\|?\\s*\\*?\\s*(?:from|发件人|發件人|寄件者|寄件人|von|de|van|da)\\s*\\*?\\s*[:：|]", CI);
    private static final Pattern HEADER_OTHER = Pattern.compile(
            "^\\|?\\s*\\*?\\s*(?:sent|date|to|subject|cc|发送时间|发送日期|发件时间|时间|日期|收件人|抄送|主题|主旨"
                    + "|傳送時間|寄件日期|收件者|副本|gesendet|an|betreff|datum|envoyé|à|objet|enviado|para|asunto)"
                    + "\\s*\\*?\\s*[:：|]", CI);
    private static final Pattern ATTRIBUTION_END = Pattern.compile(
            "(?:wrote|writes|a écrit|schrieb|escribió|scrisse|skrev|schreef|написал\\(а\\)|написал)\\s*[:：]\\s*$"
                    + "|(?:写道|寫道)\\s*[:：]?\\s*$", CI);
    /** "Am ... schrieb Name <a@b>:" - languages that put the name after the verb. */
    private static final Pattern ATTRIBUTION_VERB = Pattern.compile(
            "\\b(?:wrote|schrieb|escribió|a écrit|scrisse|skrev|schreef)\\b|写道|寫道", CI);
    private static final Pattern ATTRIBUTION_START = Pattern.compile(
            "^(?:(?:on|at|le|am|el|il|op|em|den)\\s|在|于)", CI);
    private static final Pattern CLIENT_SIGNATURE = Pattern.compile(
            "^(?:sent from (?:my|mail|outlook|yahoo|aol|samsung|the|windows)\\b.*|sent via .+|sent with .+"
                    + "|get outlook for .+|download outlook for .+"
                    + "|(?:——\\s*)?(?:发自|来自|發自|來自|从我的)\\s*(?:我的)?\\s*\\S.*"
                    + "|envoyé de mon .+|von meinem .+ gesendet|enviado desde mi .+)$", CI);
    private static final Pattern MOBILE_SIGNATURE_SUBJECT = Pattern.compile(
            "iphone|ipad|ipod|android|手机|手機|邮箱|郵箱|mail|outlook|平板|华为|小米|三星|荣耀|oppo|vivo|galaxy", CI);

    private ReplyText() {
    }

    /** The new text the person wrote; empty when there is none (a bare forward, an empty reply). */
    public static String extract(String plainBody) {
        if (plainBody == null || plainBody.isBlank()) {
            return "";
        }
        String text = plainBody.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ')
                .replace("\uFEFF", "").replace("\u200B", "");
        List<String> lines = List.of(text.split("\n", -1));
        List<String> kept = new ArrayList<>();
        boolean droppedSinceKept = false;
        int n = lines.size();
        for (int i = 0; i < n; i++) {
            String line = lines.get(i);
            String t = line.strip();
            if (isQuoted(line)) {
                droppedSinceKept = true;
                continue;
            }
            if (!t.isEmpty()) {
                if (SEPARATOR.matcher(t).find()) {
                    break;
                }
                if (UNDERSCORES.matcher(t).matches() && headerBlockAt(lines, nextNonBlank(lines, i + 1))) {
                    break;
                }
                if (headerBlockAt(lines, i)) {
                    break;
                }
                int end = attributionEnd(lines, i);
                if (end >= 0) {
                    int next = nextNonBlank(lines, end + 1);
                    if (next < n && isQuoted(lines.get(next))) {
                        droppedSinceKept = true;
                        i = end;
                        continue;
                    }
                    break;
                }
            }
            if (droppedSinceKept && !kept.isEmpty()) {
                kept.add("");
            }
            droppedSinceKept = false;
            kept.add(line.stripTrailing());
        }
        kept = withoutSignature(kept);
        return tidy(kept);
    }

    private static List<String> withoutSignature(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.equals("--")) {
                return lines.subList(0, i);
            }
            if (t.length() <= 60 && CLIENT_SIGNATURE.matcher(t).matches() && isClientSignature(t)) {
                return lines.subList(0, i);
            }
        }
        return lines;
    }

    /** "发自我的iPhone" yes, "来自我的律师的建议" no: Chinese "sent from" lines name a device or a mail app. */
    private static boolean isClientSignature(String line) {
        char first = line.charAt(0);
        boolean latin = first < 0x80;
        return latin || MOBILE_SIGNATURE_SUBJECT.matcher(line).find();
    }

    static boolean isQuoted(String line) {
        String t = line.stripLeading();
        return t.startsWith(">") || t.startsWith("＞");
    }

    private static int nextNonBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    /** A "From:" line with another header label within the next four lines: the start of a copied original. */
    private static boolean headerBlockAt(List<String> lines, int i) {
        if (i >= lines.size() || !HEADER_FROM.matcher(lines.get(i).strip()).find()) {
            return false;
        }
        for (int j = i + 1; j < Math.min(lines.size(), i + 5); j++) {
            String t = lines.get(j).strip();
            if (!isQuoted(lines.get(j)) && HEADER_OTHER.matcher(t).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The last line of an attribution starting at {@code i}, or -1. One line ending in "wrote:" counts when it starts
     * like one ("On", "在", ...), names an address or a date (has "@" or a digit), or quoted lines follow; a wrapped
     * attribution (two or three lines) counts when it starts like one or names an address.
     */
    private static int attributionEnd(List<String> lines, int i) {
        StringBuilder joined = new StringBuilder();
        for (int k = 0; k < 3 && i + k < lines.size(); k++) {
            String line = lines.get(i + k);
            String t = line.strip();
            if (t.isEmpty() || (k > 0 && isQuoted(line))) {
                return -1;
            }
            if (k > 0) {
                joined.append(' ');
            }
            joined.append(t);
            if (joined.length() > 400) {
                return -1;
            }
            String s = joined.toString();
            boolean starts = ATTRIBUTION_START.matcher(s).find();
            boolean verbFirst = starts && (s.endsWith(":") || s.endsWith("：")) && ATTRIBUTION_VERB.matcher(s).find();
            if (verbFirst || ATTRIBUTION_END.matcher(s).find()) {
                if (k == 0) {
                    int next = nextNonBlank(lines, i + 1);
                    boolean quotedNext = next < lines.size() && isQuoted(lines.get(next));
                    return starts || s.indexOf('@') >= 0 || s.matches(".*\\d.*") || quotedNext ? i : -1;
                }
                return starts || s.indexOf('@') >= 0 ? i + k : -1;
            }
        }
        return -1;
    }

    private static String tidy(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        boolean previousBlank = true;
        for (String line : lines) {
            boolean blank = line.isBlank();
            if (blank && previousBlank) {
                continue;
            }
            sb.append(blank ? "" : line.stripTrailing()).append('\n');
            previousBlank = blank;
        }
        return sb.toString().strip().isEmpty() ? "" : sb.toString().replaceAll("\\s+$", "");
    }
}
