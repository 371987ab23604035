package io.parley.channel.email.inbound;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The text of an HTML email body: parsed by jsoup (an HTML5 parser, so entities, comments, unclosed and misnested tags
 * are read as a browser reads them), block elements and {@code <br>} as line breaks, blockquote contents marked with
 * {@code >} (so quoted history looks as it does in a plain-text reply), and a rule ({@code <hr>}) as a line of
 * underscores, as mail clients render it in plain text. Scripts, styles, the head and Outlook's {@code <xml>} islands
 * are not text.
 */
final class HtmlText {
    private static final Pattern SPACE = Pattern.compile("[ \\t\\r\\n\\f]+");
    /** Half a surrogate pair on its own (a character reference such as &amp;#xD800;): not text, and not storable. */
    private static final Pattern LONE_SURROGATE = Pattern.compile("[\\x{D800}-\\x{DFFF}]");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "xml");
    private static final Set<String> LINE = Set.of("div", "tr", "li", "table", "ul", "ol", "dl", "dt", "dd",
            "section", "article", "header", "footer", "address", "center", "form", "fieldset", "caption");
    private static final Set<String> PARAGRAPH = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6");
    private static final String RULE = "________________________________";

    private HtmlText() {
    }

    static String toText(String html) {
        Out out = new Out();
        NodeTraversor.filter(out, Jsoup.parse(html));
        return tidy(out.buffer.toString());
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

    /** Walks the parsed document: text nodes become text, elements line breaks and quote marks. */
    private static final class Out implements NodeFilter {
        final StringBuilder buffer = new StringBuilder();
        boolean lineStart = true;
        int depth;
        int pre;

        @Override
        public FilterResult head(Node node, int level) {
            if (node instanceof TextNode text) {
                text(text.getWholeText(), pre > 0);
            } else if (node instanceof Element element) {
                if (SKIPPED.contains(element.normalName())) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                element(element.normalName(), false);
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int level) {
            if (node instanceof Element element) {
                element(element.normalName(), true);
            }
            return FilterResult.CONTINUE;
        }

        private void element(String name, boolean closing) {
            switch (name) {
                case "br" -> {
                    if (!closing) {
                        newline(true);
                    }
                }
                case "hr" -> {
                    if (!closing) {
                        newline(false);
                        text(RULE, true);
                        newline(false);
                    }
                }
                case "blockquote" -> {
                    newline(false);
                    depth = Math.max(0, depth + (closing ? -1 : 1));
                }
                case "pre" -> {
                    newline(false);
                    pre = Math.max(0, pre + (closing ? -1 : 1));
                }
                case "td", "th" -> {
                    if (closing) {
                        text(" ", true);
                    }
                }
                default -> {
                    if (PARAGRAPH.contains(name)) {
                        newline(false);
                        if (closing) {
                            newline(true);
                        }
                    } else if (LINE.contains(name)) {
                        newline(false);
                        if (name.equals("li") && !closing) {
                            text("- ", true);
                        }
                    }
                }
            }
        }

        /**
         * Text as a reader sees it: outside {@code <pre>} runs of white space are one space; no-break spaces are
         * spaces, soft hyphens (invisible unless a word is broken) go, and a lone surrogate is U+FFFD.
         */
        void text(String raw, boolean pre) {
            if (raw.isEmpty()) {
                return;
            }
            String text = (pre ? raw : SPACE.matcher(raw).replaceAll(" ")).replace('\u00A0', ' ').replace("\u00AD", "");
            text = LONE_SURROGATE.matcher(text).replaceAll("\uFFFD");
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
