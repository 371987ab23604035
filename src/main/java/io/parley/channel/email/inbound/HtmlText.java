package io.parley.channel.email.inbound;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an HTML email body: tags stripped, entities decoded, block elements and {@code <br>} as line breaks,
 * blockquote contents marked with {@code >} (so quoted history looks as it does in a plain-text reply), and a rule
 * ({@code <hr>}) as a line of underscores, as mail clients render it in plain text.
 */
final class HtmlText {
    private static final Pattern DROP = Pattern.compile(
            "<!--.*?-->|<(script|style|head|title|xml)\\b[^>]*>.*?</\\1\\s*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9:]*)[^>]*>|<![^>]*>");
    private static final Pattern SPACE = Pattern.compile("[ \\t\\r\\n\\f]+");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final Set<String> LINE = Set.of("br", "div", "tr", "li", "table", "ul", "ol", "dl", "dt", "dd",
            "section", "article", "header", "footer", "address", "center", "form", "fieldset", "caption");
    private static final Set<String> PARAGRAPH = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6");
    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("nbsp", " "), Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"),
            Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("copy", "©"), Map.entry("reg", "®"),
            Map.entry("trade", "™"), Map.entry("hellip", "…"), Map.entry("mdash", "—"), Map.entry("ndash", "–"),
            Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"),
            Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("middot", "·"), Map.entry("bull", "•"),
            Map.entry("euro", "€"), Map.entry("pound", "£"), Map.entry("yen", "¥"), Map.entry("cent", "¢"),
            Map.entry("times", "×"), Map.entry("divide", "÷"), Map.entry("deg", "°"), Map.entry("sect", "§"),
            Map.entry("para", "¶"), Map.entry("shy", ""), Map.entry("zwnj", ""), Map.entry("zwj", ""),
            Map.entry("ensp", " "), Map.entry("emsp", " "), Map.entry("thinsp", " "), Map.entry("iexcl", "¡"),
            Map.entry("iquest", "¿"), Map.entry("aacute", "á"), Map.entry("agrave", "à"), Map.entry("acirc", "â"),
            Map.entry("auml", "ä"), Map.entry("atilde", "ã"), Map.entry("aring", "å"), Map.entry("ccedil", "ç"),
            Map.entry("eacute", "é"), Map.entry("egrave", "è"), Map.entry("ecirc", "ê"), Map.entry("euml", "ë"),
            Map.entry("iacute", "í"), Map.entry("igrave", "ì"), Map.entry("icirc", "î"), Map.entry("iuml", "ï"),
            Map.entry("ntilde", "ñ"), Map.entry("oacute", "ó"), Map.entry("ograve", "ò"), Map.entry("ocirc", "ô"),
            Map.entry("ouml", "ö"), Map.entry("otilde", "õ"), Map.entry("oslash", "ø"), Map.entry("uacute", "ú"),
            Map.entry("ugrave", "ù"), Map.entry("ucirc", "û"), Map.entry("uuml", "ü"), Map.entry("szlig", "ß"),
            Map.entry("Aacute", "Á"), Map.entry("Eacute", "É"), Map.entry("Ntilde", "Ñ"), Map.entry("Ouml", "Ö"),
            Map.entry("Uuml", "Ü"), Map.entry("Auml", "Ä"));

    private HtmlText() {
    }

    static String toText(String html) {
        String source = DROP.matcher(html).replaceAll("");
        Out out = new Out();
        Matcher tag = TAG.matcher(source);
        int last = 0;
        boolean pre = false;
        while (tag.find()) {
            out.text(source.substring(last, tag.start()), pre);
            last = tag.end();
            if (tag.group(2) == null) {
                continue; // <!DOCTYPE ...>
            }
            boolean closing = !tag.group(1).isEmpty();
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            switch (name) {
                case "br" -> out.newline(true);
                case "hr" -> {
                    out.newline(false);
                    out.text("________________________________", true);
                    out.newline(false);
                }
                case "blockquote" -> {
                    out.newline(false);
                    out.depth = Math.max(0, out.depth + (closing ? -1 : 1));
                }
                case "pre" -> {
                    out.newline(false);
                    pre = !closing;
                }
                case "td", "th" -> {
                    if (closing) {
                        out.text(" ", true);
                    }
                }
                default -> {
                    if (PARAGRAPH.contains(name)) {
                        out.newline(false);
                        if (closing) {
                            out.newline(true);
                        }
                    } else if (LINE.contains(name)) {
                        out.newline(false);
                        if (name.equals("li") && !closing) {
                            out.text("- ", true);
                        }
                    }
                }
            }
        }
        out.text(source.substring(last), pre);
        return tidy(out.buffer.toString());
    }

    static String decodeEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("#")) {
                int code;
                try {
                    code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                            ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                } catch (NumberFormatException e) {
                    code = 0xFFFD;
                }
                replacement = code == 0 ? "" : Character.isValidCodePoint(code) && (code < 0xD800 || code > 0xDFFF)
                        ? (code == 0xA0 ? " " : new String(Character.toChars(code))) : "\uFFFD";
            } else {
                replacement = ENTITIES.getOrDefault(name, m.group());
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Trailing spaces off, at most one blank line in a row (a quoted blank line counts as blank), no blank ends. */
    private static String tidy(String text) {
        StringBuilder sb = new StringBuilder();
        boolean previousBlank = true;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.stripTrailing();
            boolean blank = trimmed.replace(">", "").isBlank();
            if (blank && previousBlank) {
                continue;
            }
            sb.append(trimmed).append('\n');
            previousBlank = blank;
        }
        String result = sb.toString();
        while (result.endsWith("\n")) {
            result = result.substring(0, result.length() - 1);
        }
        while (result.endsWith(">")) { // a dangling quoted blank line
            int cut = result.lastIndexOf('\n');
            if (!result.substring(cut + 1).replace(">", "").isBlank()) {
                break;
            }
            result = cut < 0 ? "" : result.substring(0, cut);
        }
        return result;
    }

    private static final class Out {
        final StringBuilder buffer = new StringBuilder();
        boolean lineStart = true;
        int depth;

        void text(String raw, boolean pre) {
            if (raw.isEmpty()) {
                return;
            }
            String text = pre ? raw.replace("\r\n", "\n") : SPACE.matcher(raw).replaceAll(" ");
            text = decodeEntities(text).replace('\u00A0', ' ');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n') {
                    newline(true);
                    continue;
                }
                if (lineStart) {
                    if (c == ' ' && !pre) {
                        continue;
                    }
                    if (depth > 0) {
                        buffer.append(">".repeat(depth)).append(' ');
                    }
                    lineStart = false;
                }
                buffer.append(c);
            }
        }

        /** Ends the current line; {@code always} also makes an empty line when the current one is empty. */
        void newline(boolean always) {
            if (!lineStart || always) {
                if (lineStart && depth > 0) {
                    buffer.append(">".repeat(depth));
                }
                buffer.append('\n');
                lineStart = true;
            }
        }
    }
}
