package io.parley.channel.email.inbound;

import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayOutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Charset and header-word decoding the way mail in the wild needs it, not the way the RFCs wish it were. */
final class MimeText {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");

    private MimeText() {
    }

    /**
     * The charset to read bytes labelled {@code label} with. GB2312 and GBK labels read as GB18030 (a superset: Chinese
     * clients label GBK text GB2312), Latin-1 and ASCII as windows-1252 unless the bytes are valid UTF-8 (mislabelled
     * mail), and a missing or unknown label as UTF-8 when the bytes are valid UTF-8, else windows-1252.
     */
    static Charset charset(String label, byte[] bytes) {
        String name = label == null ? "" : label.trim().replace("\"", "").toLowerCase(Locale.ROOT);
        int star = name.indexOf('*');
        if (star >= 0) {
            name = name.substring(0, star);
        }
        switch (name) {
            case "gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "x-euc-cn", "csgb2312",
                 "gb_2312-80", "chinese", "gb18030" -> {
                return GB18030;
            }
            case "utf-8", "utf8", "unicode-1-1-utf-8" -> {
                return StandardCharsets.UTF_8;
            }
            case "us-ascii", "ascii", "iso-8859-1", "iso8859-1", "latin1", "l1", "iso_8859-1", "windows-1252",
                 "cp1252" -> {
                return isUtf8(bytes) && hasHighBytes(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252;
            }
            case "" -> {
                return isUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252;
            }
            default -> {
                try {
                    return Charset.forName(name);
                } catch (RuntimeException unknown) {
                    return isUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252;
                }
            }
        }
    }

    /** Bytes as text in the labelled charset (see {@link #charset}); malformed input becomes U+FFFD, a BOM is dropped. */
    static String decode(byte[] bytes, String label) {
        String text = new String(bytes, charset(label, bytes));
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hasHighBytes(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A raw header value as text: unfolded by Jakarta Mail; raw 8-bit bytes (read by the mail library as Latin-1
     * characters) re-read as UTF-8 when they are valid UTF-8, else in {@code rawCharset} (the body's charset, for
     * clients that put GBK bytes straight in headers); then RFC 2047 encoded words decoded, adjacent words in one
     * charset joined as bytes first (Chinese clients split multi-byte characters across words, which the mail
     * libraries do not undo).
     */
    static String decodeHeader(String raw, String rawCharset) {
        if (raw == null) {
            return null;
        }
        String value = MimeUtility.unfold(raw);
        value = repairRaw8bit(value, rawCharset);
        return decodeWords(value).strip();
    }

    private static String repairRaw8bit(String value, String rawCharset) {
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value; // already real characters (the library read UTF-8)
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        if (isUtf8(bytes)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return rawCharset == null ? value : new String(bytes, charset(rawCharset, bytes));
    }

    static String decodeWords(String value) {
        Matcher m = ENCODED_WORD.matcher(value);
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int last = 0;
        while (m.find()) {
            String gap = value.substring(last, m.start());
            boolean adjacent = pendingCharset != null && gap.isBlank();
            String charset = m.group(1);
            if (!adjacent || !charset.equalsIgnoreCase(pendingCharset)) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                if (!adjacent) {
                    out.append(gap);
                }
            }
            byte[] bytes = wordBytes(m.group(2), m.group(3));
            if (bytes == null) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                out.append(m.group());
            } else {
                pending.writeBytes(bytes);
                pendingCharset = charset;
            }
            last = m.end();
        }
        flush(out, pending, pendingCharset);
        out.append(value, last, value.length());
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (charset != null && pending.size() > 0) {
            byte[] bytes = pending.toByteArray();
            out.append(new String(bytes, charset(charset, bytes)));
        }
        pending.reset();
    }

    /**
     * The octets an encoded word carries, decoded (B or Q) by Jakarta Mail's {@link MimeUtility#decodeWord} with the
     * word relabelled ISO-8859-1 (one character per octet), so that the charset is applied after adjacent words are
     * joined; null when the word is malformed.
     */
    private static byte[] wordBytes(String encoding, String text) {
        try {
            return MimeUtility.decodeWord("=?ISO-8859-1?" + encoding + "?" + text + "?=")
                    .getBytes(StandardCharsets.ISO_8859_1);
        } catch (ParseException | UnsupportedEncodingException | RuntimeException malformed) {
            return null;
        }
    }

    /** RFC 3676 format=flowed undone: soft-broken lines joined, space-stuffing removed, quote depth kept. */
    static String unflow(String text, boolean delsp) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = null;
        int paragraphDepth = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == '>') {
                depth++;
            }
            String content = line.substring(depth);
            if (content.startsWith(" ")) {
                content = content.substring(1);
            }
            if (paragraph != null && depth != paragraphDepth) {
                emit(out, paragraphDepth, paragraph);
                paragraph = null;
            }
            boolean signature = content.equals("-- ");
            boolean flowed = !signature && content.endsWith(" ") && i < lines.length - 1;
            if (paragraph == null) {
                paragraph = new StringBuilder();
                paragraphDepth = depth;
            }
            if (flowed) {
                paragraph.append(delsp ? content.substring(0, content.length() - 1) : content);
            } else {
                paragraph.append(content);
                emit(out, paragraphDepth, paragraph);
                paragraph = null;
            }
        }
        if (paragraph != null) {
            emit(out, paragraphDepth, paragraph);
        }
        if (out.length() > 0) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private static void emit(StringBuilder out, int depth, CharSequence text) {
        if (depth > 0) {
            out.append(">".repeat(depth)).append(' ');
        }
        out.append(text).append('\n');
    }
}
