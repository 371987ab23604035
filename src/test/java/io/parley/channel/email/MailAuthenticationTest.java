package io.parley.channel.email;

import io.parley.channel.email.inbound.MailAuthentication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whether the receiving relay's Authentication-Results vouch for the From address. */
class MailAuthenticationTest {

    @ParameterizedTest(name = "{0} | {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-                                                                     | a@example.com | true",
            "mx; dmarc=pass header.from=example.com                                | a@example.com | true",
            "mx; spf=pass smtp.mailfrom=a@example.com                              | a@example.com | true",
            "mx; spf=pass smtp.mailfrom=bounces.example.com                        | a@example.com | true",
            "mx; dkim=pass header.d=example.com header.s=k1                        | a@Example.COM | true",
            "mx; spf=pass smtp.mailfrom=evil.test; dkim=pass header.d=evil.test    | a@example.com | false",
            "mx; spf=fail smtp.mailfrom=example.com; dmarc=fail                    | a@example.com | false",
            "mx; spf=pass smtp.mailfrom=example.com; dmarc=fail                    | a@example.com | false",
            "mx; spf=softfail smtp.mailfrom=example.com                            | a@example.com | false",
            "mx; dkim=pass header.d=com                                            | a@example.com | false",
            "mx; dkim=pass header.d=notexample.com                                 | a@example.com | false",
            "mx; none                                                              | a@example.com | false",
    })
    void believesTheFromOnlyWhenAnAlignedCheckPassed(String header, String from, boolean believed) {
        List<String> headers = header == null ? List.of() : List.of(header.strip());
        assertEquals(believed, MailAuthentication.doubt(headers, from).isEmpty(),
                () -> String.valueOf(MailAuthentication.doubt(headers, from)));
    }

    @org.junit.jupiter.api.Test
    void onlyTheTopmostHeaderCountsForItIsTheReceivingRelays() {
        assertEquals(false, MailAuthentication.doubt(List.of("mx; spf=fail smtp.mailfrom=example.com",
                "forged; dmarc=pass header.from=example.com"), "a@example.com").isEmpty());
    }
}
