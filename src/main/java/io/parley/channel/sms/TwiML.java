package io.parley.channel.sms;

/** The TwiML answers to an inbound message: nothing, or one message back. */
final class TwiML {
    private TwiML() {
    }

    static String message(String text) {
        if (text == null) {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>" + escape(text) + "</Message></Response>";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
