package io.parley.http;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a key that may not see addresses is shown of a JSON answer, member by member. */
class AddressMaskingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // an address member is masked by the address's shape
            "{\"address\":\"+16465550101\"}                     | {\"address\":\"+16*******01\"}",
            "{\"address\":\"alex.morgan@example.com\"}          | {\"address\":\"a***@example.com\"}",
            "{\"address\":\"1 Main St, 10001 New York, NY, US\"} | {\"address\":\"1 ***\"}",
            "{\"address\":\"oUser-42\"}                         | {\"address\":\"oU***\"}",
            "{\"address\":{\"lines\":[\"1 Main St\"],\"city\":\"New York\"}} | {\"address\":{\"lines\":[\"1 ***\"],\"city\":\"Ne***\"}}",
            "{\"contactAddress\":\"+8613800138000\"}            | {\"contactAddress\":\"+86*********00\"}",
            // to and from on a message's data (it names a channel) are addresses, whatever their shape
            "{\"channel\":\"letter\",\"to\":\"1 Main St\"}       | {\"channel\":\"letter\",\"to\":\"1 ***\"}",
            "{\"channel\":\"sms\",\"from\":\"+16465550101\"}     | {\"channel\":\"sms\",\"from\":\"+16*******01\"}",
            // elsewhere only when they look like one: times, windows and pack names stay
            "{\"from\":\"2026-12-07T13:00:00Z\",\"to\":\"2026-12-07T21:00:00Z\"} | {\"from\":\"2026-12-07T13:00:00Z\",\"to\":\"2026-12-07T21:00:00Z\"}",
            "{\"channel\":\"sms\",\"from\":\"08:00\"}            | {\"channel\":\"sms\",\"from\":\"08:00\"}",
            "{\"hoursSetBy\":{\"from\":\"us-regf\",\"until\":\"us-regf\"}} | {\"hoursSetBy\":{\"from\":\"us-regf\",\"until\":\"us-regf\"}}",
            "{\"to\":\"alex.morgan@example.com\"}               | {\"to\":\"a***@example.com\"}",
            // free text keeps its words, not the addresses in it
            "{\"text\":\"call me on +16465550101\"}             | {\"text\":\"call me on +16***01\"}",
            "{\"reasons\":[\"mail a.b@example.com\",\"quiet\"]} | {\"reasons\":[\"mail a***@example.com\",\"quiet\"]}",
            // identifiers are no text: an email's Message-ID stays
            "{\"providerRef\":\"<1a2b@parley.local>\",\"attemptId\":\"a@b.c\"} | {\"providerRef\":\"<1a2b@parley.local>\",\"attemptId\":\"a@b.c\"}",
            // numbers and flags as they are
            "{\"address\":null,\"count\":3,\"ok\":true}         | {\"address\":null,\"count\":3,\"ok\":true}",
    })
    void masksEveryAddressAndNothingElse(String given, String shown) {
        assertEquals(new JsonObject(shown), AddressMasking.json(new JsonObject(given)));
    }
}
