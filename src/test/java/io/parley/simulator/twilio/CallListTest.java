package io.parley.simulator.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import io.parley.channel.sms.TwilioClients;
import io.parley.testing.ServiceHarness;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Calls list (GET /2010-04-01/Accounts/{AccountSid}/Calls.json) against Twilio's OpenAPI description: the
 * filters To, From, Status and StartTime / EndTime (on, on or after, before a date; to the second as the SDK sends
 * them), the paging envelope, and the official SDK reading it page after page.
 */
class CallListTest {
    private static final String ACCOUNT = TwilioSimulatorApiTest.ACCOUNT;
    private static final String TOKEN = TwilioSimulatorApiTest.TOKEN;
    /** The properties of ListCallResponse in Twilio's OpenAPI description, 2010-04-01. */
    private static final Set<String> ENVELOPE = Set.of("end", "first_page_uri", "next_page_uri", "page", "page_size",
            "previous_page_uri", "start", "uri", "calls");
    private static final String A = "+15005550101";
    private static final String B = "+15005550102";
    private static final String OURS = "+15005550006";
    private static final String OTHER = "+15005550007";
    private static final String LIST = "/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json";

    private final Vertx vertx = Vertx.vertx();
    private final WebClient http = WebClient.create(vertx);
    private TwilioSimulator simulator;
    private TwilioRestClient client;

    private void start(Duration stepDelay) {
        simulator = Await.result(TwilioSimulator.start(vertx, new TwilioSimulator.Settings("127.0.0.1", 0, ACCOUNT,
                TOKEN, stepDelay)));
        client = TwilioClients.create(ACCOUNT, TOKEN, simulator.baseUrl(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            Await.result(simulator.close());
        }
        Await.result(vertx.close());
    }

    @Test
    void filtersByNumbersAndStatusAndPagesInTwiliosEnvelope() {
        start(Duration.ofHours(1)); // every call stays queued: not dialled, so no start time
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sids.add(place(A, OURS));
        }
        place(B, OURS);
        place(A, OTHER);

        JsonObject first = list("?To=%2B15005550101&From=%2B15005550006&PageSize=2");
        assertEquals(ENVELOPE, first.fieldNames());
        assertEquals(List.of(sids.get(4), sids.get(3)), sidsOf(first));
        assertEquals(0, first.getInteger("page"));
        assertEquals(2, first.getInteger("page_size"));
        assertEquals(0, first.getInteger("start"));
        assertEquals(1, first.getInteger("end"));
        assertNull(first.getString("previous_page_uri"));
        assertEquals(LIST + "?To=%2B15005550101&From=%2B15005550006&PageSize=2&Page=0", first.getString("uri"));
        assertEquals(first.getString("uri"), first.getString("first_page_uri"));
        assertEquals(LIST + "?To=%2B15005550101&From=%2B15005550006&PageSize=2&Page=1&PageToken=PA" + sids.get(3),
                first.getString("next_page_uri"));

        JsonObject second = get(first.getString("next_page_uri"));
        assertEquals(List.of(sids.get(2), sids.get(1)), sidsOf(second));
        assertEquals(1, second.getInteger("page"));
        assertEquals(2, second.getInteger("start"));
        assertEquals(3, second.getInteger("end"));
        assertEquals(LIST + "?To=%2B15005550101&From=%2B15005550006&PageSize=2&Page=0&PageToken=PB" + sids.get(2),
                second.getString("previous_page_uri"));
        JsonObject last = get(second.getString("next_page_uri"));
        assertEquals(List.of(sids.get(0)), sidsOf(last));
        assertNull(last.getString("next_page_uri"));

        // the SDK follows next_page_uri to the end, newest first
        assertEquals(List.of(sids.get(4), sids.get(3), sids.get(2), sids.get(1), sids.get(0)),
                read(Call.reader().setTo(new PhoneNumber(A)).setFrom(new PhoneNumber(OURS)).setPageSize(2L)));
        assertEquals(5, read(Call.reader().setTo(A).setFrom(OURS).setStatus(Call.Status.QUEUED)).size());
        assertEquals(0, read(Call.reader().setTo(A).setStatus(Call.Status.COMPLETED)).size());
        assertEquals(7, sidsOf(list("")).size());
        // a call not dialled has no start time, so no start time filter lets it through
        assertNull(first.getJsonArray("calls").getJsonObject(0).getString("start_time"));
        assertEquals(List.of(), sidsOf(list("?To=%2B15005550101&StartTime%3E=2000-01-01")));
    }

    @Test
    void filtersOnTheDayOrTheSecondACallStartedAndEnded() {
        start(Duration.ofMillis(20));
        simulator.outcomeFor(A, "failed"); // dialled and ended at once
        String first = place(A, OURS);
        String second = place(A, OURS);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sidsOf(list("?Status=failed")).size() < 2 && System.nanoTime() < deadline) {
            ServiceHarness.sleep(20);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String yesterday = today.minusDays(1).toString();
        String tomorrow = today.plusDays(1).toString();
        List<String> both = List.of(second, first);

        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("StartTime=" + today, both),
                Map.entry("StartTime=" + yesterday, List.of()),
                Map.entry("StartTime%3E=" + today, both),
                Map.entry("StartTime>=" + yesterday, both),
                Map.entry("StartTime%3E=" + tomorrow, List.of()),
                Map.entry("StartTime%3C=" + tomorrow, both),
                Map.entry("StartTime<=" + today, List.of()),
                Map.entry("EndTime%3E=" + today, both),
                Map.entry("EndTime%3C=" + today, List.of()),
                Map.entry("StartTime%3C=06%2F11%2F2019+22%3A05%3A25+MST", List.of()));
        expected.forEach((query, sids) -> assertEquals(sids, sidsOf(list("?To=%2B15005550101&" + query)), query));

        JsonObject page = list("?To=%2B15005550101&StartTime%3E=" + today);
        assertEquals(LIST + "?To=%2B15005550101&StartTime%3E=" + today + "&PageSize=50&Page=0",
                page.getString("first_page_uri"));
        assertNotNull(page.getJsonArray("calls").getJsonObject(0).getString("start_time"));

        // the SDK sends StartTime> and StartTime< to the second, in UTC
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        assertEquals(both, read(Call.reader().setTo(A).setStartTimeAfter(now.minusMinutes(1))));
        assertEquals(List.of(), read(Call.reader().setTo(A).setStartTimeAfter(now.plusMinutes(1))));
        assertEquals(both, read(Call.reader().setTo(A).setStartTimeBefore(now.plusMinutes(1))));
        assertEquals(List.of(), read(Call.reader().setTo(A).setStartTimeBefore(now.minusMinutes(1))));
    }

    @Test
    void aDateOrASecondCoversItsWholeSpanAndNothingElseParses() {
        assertEquals(Duration.ofDays(1), span("2024-03-09"));
        assertEquals(Duration.ofSeconds(1), span("2024-03-09T10:11:12"));
        assertEquals(Duration.ofSeconds(1), span("2024-03-09T10:11:12Z"));
        assertTrue(CallFilters.span("06/11/2019 22:05:25 MST").isEmpty());
        assertTrue(CallFilters.span("2019-06-11 22:05:25.000").isEmpty());
        assertTrue(CallFilters.span("").isEmpty());
        assertEquals(ZonedDateTime.of(2024, 3, 9, 0, 0, 0, 0, ZoneOffset.UTC).toInstant(),
                CallFilters.span("2024-03-09").orElseThrow()[0]);
    }

    private static Duration span(String value) {
        var span = CallFilters.span(value).orElseThrow();
        return Duration.between(span[0], span[1]);
    }

    private String place(String to, String from) {
        return Call.creator(new PhoneNumber(to), new PhoneNumber(from), URI.create("https://x.test/answer"))
                .create(client).getSid();
    }

    private List<String> read(com.twilio.rest.api.v2010.account.CallReader reader) {
        return StreamSupport.stream(reader.read(client).spliterator(), false).map(Call::getSid).toList();
    }

    private JsonObject list(String query) {
        return get(LIST + query);
    }

    private JsonObject get(String uri) {
        HttpRequest<Buffer> request = http.get(simulator.port(), "127.0.0.1", uri).basicAuthentication(ACCOUNT, TOKEN);
        var response = Await.result(request.send());
        assertEquals(200, response.statusCode(), response.bodyAsString());
        return response.bodyAsJsonObject();
    }

    private static List<String> sidsOf(JsonObject page) {
        JsonArray calls = page.getJsonArray("calls");
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            sids.add(calls.getJsonObject(i).getString("sid"));
        }
        return sids;
    }
}
