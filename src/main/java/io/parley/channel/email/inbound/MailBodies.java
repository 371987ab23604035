package io.parley.channel.email.inbound;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The readable text of a message: the part a person wrote, decoded from its charset and transfer encoding. */
final class MailBodies {
    private MailBodies() {
    }

    /** Readable text of a part, and whether it came from HTML. */
    record Body(String text, boolean html, String charset) {
    }

    static Body text(Part part, int depth) {
        if (depth > InboundEmails.MAX_DEPTH) {
            return null;
        }
        try {
            if (part.isMimeType("multipart/*")) {
                return multipartText(part, depth);
            }
            if (part.isMimeType("text/html")) {
                String charset = charsetOf(part);
                return new Body(HtmlText.toText(normalize(MimeText.decode(bytes(part), charset))), true, charset);
            }
            if (part.isMimeType("text/plain") || part.getContentType() == null) {
                String charset = charsetOf(part);
                String text = normalize(MimeText.decode(bytes(part), charset));
                ContentType type = contentType(part);
                if (type != null && "flowed".equalsIgnoreCase(type.getParameter("format"))) {
                    text = MimeText.unflow(text, "yes".equalsIgnoreCase(type.getParameter("delsp")));
                }
                return new Body(text, false, charset);
            }
            return null;
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static Body multipartText(Part part, int depth) throws MessagingException, IOException {
        Object content = part.getContent();
        if (!(content instanceof Multipart multipart)) {
            return null;
        }
        ContentType type = contentType(part);
        String subtype = type == null ? "mixed" : type.getSubType().toLowerCase(Locale.ROOT);
        int count = multipart.getCount();
        switch (subtype) {
            case "alternative" -> {
                Body html = null;
                for (int i = 0; i < count; i++) {
                    Body candidate = text(multipart.getBodyPart(i), depth + 1);
                    if (candidate != null && !candidate.html()) {
                        return candidate;
                    }
                    if (html == null) {
                        html = candidate;
                    }
                }
                return html;
            }
            case "related", "report", "signed", "encrypted" -> {
                return count == 0 ? null : text(multipart.getBodyPart(0), depth + 1);
            }
            default -> {
                StringBuilder sb = new StringBuilder();
                boolean allHtml = true;
                String charset = null;
                for (int i = 0; i < count; i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    if (isAttachment(child) || child.isMimeType("message/*")) {
                        continue;
                    }
                    Body body = text(child, depth + 1);
                    if (body == null || body.text().isBlank()) {
                        continue;
                    }
                    if (sb.length() > 0) {
                        sb.append('\n');
                    }
                    sb.append(body.text());
                    allHtml &= body.html();
                    charset = charset == null ? body.charset() : charset;
                }
                return sb.length() == 0 ? null : new Body(sb.toString(), allHtml, charset);
            }
        }
    }

    static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static boolean isAttachment(Part part) {
        try {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        } catch (MessagingException unreadable) {
            return false;
        }
    }

    private static ContentType contentType(Part part) {
        try {
            String value = part.getContentType();
            return value == null ? null : new ContentType(value);
        } catch (MessagingException | RuntimeException unreadable) {
            return null;
        }
    }

    private static String charsetOf(Part part) {
        ContentType type = contentType(part);
        if (type != null) {
            return type.getParameter("charset");
        }
        try {
            String raw = part.getContentType();
            Matcher m = raw == null ? null : Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE)
                    .matcher(raw);
            return m != null && m.find() ? m.group(1) : null;
        } catch (MessagingException unreadable) {
            return null;
        }
    }

    static String normalize(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
