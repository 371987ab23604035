package io.parley.observability;

import java.util.regex.Pattern;

/**
 * Masks contact points in free text before it is logged: phone numbers in E.164 form keep their first two and last
 * two digits (+16465550101 becomes +16***01), email addresses their first character and domain
 * (alex.morgan@example.com becomes a***@example.com).
 */
public final class ContactMasking {
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");
    private static final Pattern PHONE = Pattern.compile("(\\+|%2B)(\\d{2})\\d{3,11}(\\d{2})(?!\\d)");

    private ContactMasking() {
    }

    public static String mask(String text) {
        if (text == null || (text.indexOf('@') < 0 && text.indexOf('+') < 0 && !text.contains("%2B"))) {
            return text;
        }
        String emails = EMAIL.matcher(text).replaceAll("$1***@$2");
        return PHONE.matcher(emails).replaceAll("$1$2***$3");
    }
}
