package io.parley.channel.email.inbound;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads delivery failure reports: RFC 3464 delivery-status parts, and the free-text reports some servers send. */
final class Bounces {
    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern ENHANCED = Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");
    private static final Pattern BASIC = Pattern.compile("(?<![\\d.:/])([45])\\d\\d(?=[ -])");
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^message-id:\\s*(<[^<>\\s]+>)");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+=\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)+");
    private static final Pattern ANGLE_RECIPIENT = Pattern.compile("(?m)^\\s*<([^<>\\s@]+@[^<>\\s]+)>\\s*:?\\s*$");
    private static final Pattern COPY_MARKER = Pattern.compile(
            "^(?:-+\\s*)?(?:below this line is a copy of the message|this is a copy of the message"
                    + "|original message follows|the original message|undelivered message|original message headers"
                    + "|原始邮件|原邮件)|^(?:return-path|received|message-id|x-[a-z-]+)\\s*:", CI);
    private static final Pattern DAEMON = Pattern.compile(
            "^(?:mailer-daemon|mailerdaemon|mail-daemon|postmaster|mail\\.delivery)@", CI);
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "undeliver|delivery status notification|delivery (?:has )?failed|delivery failure|mail delivery failed"
                    + "|failure notice|returned mail|returned to sender|could not be delivered|non.?delivery"
                    + "|退信|投递失败|无法投递|未能送达|發送失敗|无法送达", CI);
    private static final Pattern PERMANENT_WORDS = Pattern.compile(
            "permanent|given up|giving up|user unknown|unknown user|no such user|does not exist|doesn't exist"
                    + "|not found|rejected|不存在|永久", CI);
    private static final Pattern TRANSIENT_WORDS = Pattern.compile(
            "temporar|will (?:retry|keep trying|try again)|delayed|not yet been delivered|try again later|暂时|稍后", CI);

    private Bounces() {
    }

    /**
     * The report in delivery-status parts, or empty when none of its recipients failed or was delayed (a success
     * notification is not a bounce).
     */
    static Optional<Bounce> fromDeliveryStatus(List<byte[]> reports, String originalHeaders, String body) {
        List<Map<String, String>> recipients = new ArrayList<>();
        for (byte[] report : reports) {
            List<Map<String, String>> blocks = fieldBlocks(new String(report, StandardCharsets.UTF_8));
            if (blocks.size() > 1) {
                recipients.addAll(blocks.subList(1, blocks.size()));
            }
        }
        Map<String, String> chosen = pick(recipients, "failed");
        if (chosen == null) {
            chosen = pick(recipients, "delayed");
        }
        if (chosen == null) {
            boolean allFine = !recipients.isEmpty() && recipients.stream().allMatch(r -> {
                String action = action(r);
                return action.equals("delivered") || action.equals("relayed") || action.equals("expanded");
            });
            if (allFine) {
                return Optional.empty();
            }
            chosen = recipients.isEmpty() ? Map.of() : recipients.get(0);
        }
        String diagnostic = afterType(chosen.get("diagnostic-code"));
        String status = enhanced(stripComments(chosen.get("status")));
        if (status == null) {
            status = statusIn(diagnostic);
        }
        String recipient = address(afterType(chosen.getOrDefault("original-recipient", chosen.get("final-recipient"))));
        if (recipient == null) {
            recipient = address(afterType(chosen.get("final-recipient")));
        }
        boolean permanent = status != null ? status.startsWith("5") : action(chosen).equals("failed");
        return Optional.of(new Bounce(recipient, status, permanent, diagnostic, originalMessageId(originalHeaders, body)));
    }

    /** A free-text bounce: sent by a mailer daemon, carrying X-Failed-Recipients, or a bounce subject from no one. */
    static boolean looksLikeBounce(String fromAddress, String subject, Map<String, List<String>> headers) {
        if (fromAddress != null && DAEMON.matcher(fromAddress).find()) {
            return true;
        }
        if (headers.containsKey("x-failed-recipients")) {
            return true;
        }
        boolean nullSender = headers.getOrDefault("return-path", List.of()).stream()
                .anyMatch(v -> v.replaceAll("\\s", "").equals("<>"));
        boolean automatic = headers.containsKey("auto-submitted");
        return subject != null && BOUNCE_SUBJECT.matcher(subject).find() && (nullSender || automatic);
    }

    /** What a free-text bounce says, as far as it can be read. */
    static Bounce fromText(String body, String originalHeaders, List<String> failedRecipientsHeader) {
        String human = humanPart(body);
        String recipient = null;
        if (!failedRecipientsHeader.isEmpty()) {
            recipient = address(failedRecipientsHeader.get(0).split(",")[0]);
        }
        if (recipient == null) {
            Matcher m = ANGLE_RECIPIENT.matcher(human);
            if (m.find()) {
                recipient = m.group(1);
            }
        }
        if (recipient == null) {
            Matcher m = ADDRESS.matcher(human);
            while (m.find()) {
                if (!DAEMON.matcher(m.group()).find()) {
                    recipient = m.group();
                    break;
                }
            }
        }
        String status = null;
        String diagnostic = null;
        for (String line : human.split("\n")) {
            String s = statusIn(line);
            if (s != null) {
                status = s;
                diagnostic = collapse(line);
                break;
            }
        }
        boolean permanent;
        if (status != null) {
            permanent = status.startsWith("5");
        } else {
            permanent = PERMANENT_WORDS.matcher(human).find() && !TRANSIENT_WORDS.matcher(human).find();
        }
        return new Bounce(recipient, status, permanent, diagnostic, originalMessageId(originalHeaders, body));
    }

    /** The enhanced status code in a line, or the class (X.0.0) of a basic SMTP reply code; else null. */
    static String statusIn(String text) {
        if (text == null) {
            return null;
        }
        String enhanced = enhanced(text);
        if (enhanced != null) {
            return enhanced;
        }
        Matcher basic = BASIC.matcher(text);
        return basic.find() ? basic.group(1) + ".0.0" : null;
    }

    private static String enhanced(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ENHANCED.matcher(text);
        return m.find() ? m.group() : null;
    }

    private static Map<String, String> pick(List<Map<String, String>> recipients, String action) {
        return recipients.stream().filter(r -> action(r).equals(action)).findFirst().orElse(null);
    }

    private static String action(Map<String, String> recipient) {
        String action = stripComments(recipient.get("action"));
        return action == null ? "" : action.trim().toLowerCase(Locale.ROOT);
    }

    /** RFC 822-style field blocks separated by blank lines; continuation lines unfolded; names in lower case. */
    static List<Map<String, String>> fieldBlocks(String text) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String lastName = null;
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new LinkedHashMap<>();
                }
                lastName = null;
                continue;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && lastName != null) {
                current.put(lastName, current.get(lastName) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                lastName = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                current.putIfAbsent(lastName, line.substring(colon + 1).strip());
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    /** "rfc822; a@b" -> "a@b", "smtp; 550 ..." -> "550 ...": the value without its type. */
    private static String afterType(String value) {
        if (value == null) {
            return null;
        }
        int semi = value.indexOf(';');
        String rest = semi >= 0 ? value.substring(semi + 1) : value;
        String collapsed = collapse(rest);
        return collapsed.isEmpty() ? null : collapsed;
    }

    private static String address(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = ADDRESS.matcher(value);
        return m.find() ? m.group() : null;
    }

    private static String stripComments(String value) {
        return value == null ? null : value.replaceAll("\\([^)]*\\)", "").trim();
    }

    private static String collapse(String value) {
        return value.replaceAll("\\s+", " ").strip();
    }

    private static String originalMessageId(String originalHeaders, String body) {
        if (originalHeaders != null) {
            Matcher m = MESSAGE_ID.matcher(originalHeaders);
            if (m.find()) {
                return m.group(1);
            }
        }
        if (body != null) {
            Matcher m = MESSAGE_ID.matcher(body);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** The report's own words: the body up to where a copy of the returned message starts. */
    private static String humanPart(String body) {
        StringBuilder sb = new StringBuilder();
        for (String line : body.split("\n")) {
            if (COPY_MARKER.matcher(line.strip()).find()) {
                break;
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }
}
