package io.parley.api;

import io.parley.http.FieldError;
import io.parley.http.ApiProblem;
import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.domain.ContactType;
import io.parley.enrollment.EnrollmentRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class EnrollmentReaderTest {

    /** A complete, valid body; each case below breaks one or more parts of a fresh copy. */
    static JsonObject valid() {
        return new JsonObject("""
                {"caseId": "CASE-2025:001", "sequence": "early-stage",
                 "debtor": {"id": "D-1", "name": "Ada Lovelace", "locale": "en-US", "timeZone": "America/New_York",
                   "address": {"country": "US", "region": "NY", "city": "New York", "postalCode": "10001",
                               "lines": ["1 Main St"]},
                   "contactPoints": [{"channel": "sms", "address": "(212) 555-0100"},
                                     {"channel": "email", "address": "ada@Example.COM", "consent": true}]},
                 "account": {"contractNo": "C-42", "balance": "120.5", "currency": "USD", "daysPastDue": 12,
                             "dueDate": "2025-02-01"}}
                """);
    }

    static JsonObject debtor(JsonObject body) {
        return body.getJsonObject("debtor");
    }

    static JsonObject address(JsonObject body) {
        return debtor(body).getJsonObject("address");
    }

    static JsonObject point(JsonObject body, int i) {
        return debtor(body).getJsonArray("contactPoints").getJsonObject(i);
    }

    static JsonObject account(JsonObject body) {
        return body.getJsonObject("account");
    }

    static Arguments bad(String name, Consumer<JsonObject> breakIt, int status, String... fieldsAndMessages) {
        List<FieldError> errors = IntStream.range(0, fieldsAndMessages.length / 2)
                .mapToObj(i -> new FieldError(fieldsAndMessages[2 * i], fieldsAndMessages[2 * i + 1])).toList();
        return arguments(name, breakIt, status, errors);
    }

    static Stream<Arguments> badBodies() {
        String idRule = "must be 1-128 characters of A-Z, a-z, 0-9, '.', '_', ':', '-'";
        return Stream.of(
                bad("missing caseId", b -> b.remove("caseId"), 400, "caseId", "is required"),
                bad("null caseId", b -> b.putNull("caseId"), 400, "caseId", "is required"),
                bad("numeric caseId", b -> b.put("caseId", 42), 400, "caseId", "must be a string"),
                bad("blank caseId", b -> b.put("caseId", "  "), 422, "caseId", "must not be blank"),
                bad("caseId with a space", b -> b.put("caseId", "case 1"), 422, "caseId", idRule),
                bad("caseId too long", b -> b.put("caseId", "c".repeat(129)), 422, "caseId", idRule),
                bad("upper-case sequence", b -> b.put("sequence", "Early"), 422,
                        "sequence", "must be 1-128 characters of a-z, 0-9 and '-'"),
                bad("version as string", b -> b.put("sequenceVersion", "2"), 400,
                        "sequenceVersion", "must be an integer"),
                bad("fractional version", b -> b.put("sequenceVersion", 1.5), 400,
                        "sequenceVersion", "must be an integer"),
                bad("version zero", b -> b.put("sequenceVersion", 0), 422, "sequenceVersion", "must be at least 1"),
                bad("version beyond int", b -> b.put("sequenceVersion", 3_000_000_000L), 422,
                        "sequenceVersion", "must be between -2147483648 and 2147483647"),
                bad("startAt without offset", b -> b.put("startAt", "2025-03-01T09:00:00"), 422,
                        "startAt", "must be an ISO-8601 date-time with an offset, such as 2025-03-01T09:00:00Z, between 1900-01-01 and 2200-12-31"),
                bad("misspelt top-level key", b -> b.put("sequnce", "x"), 400, "sequnce", "is not a known field"),
                bad("key needing brackets", b -> b.put("case id", "x"), 400, "['case id']", "is not a known field"),
                bad("debtor not an object", b -> b.put("debtor", "D-1"), 400, "debtor", "must be an object"),
                bad("debtor missing", b -> b.remove("debtor"), 400, "debtor", "is required"),
                bad("unknown debtor key", b -> debtor(b).put("timezone", "UTC"), 400,
                        "debtor.timezone", "is not a known field"),
                bad("debtor id with slash", b -> debtor(b).put("id", "a/b"), 422, "debtor.id", idRule),
                bad("unsupported locale", b -> debtor(b).put("locale", "fr-FR"), 422,
                        "debtor.locale", "'fr-FR' is not supported (supported: en, en-US, en-GB, zh, zh-CN)"),
                bad("locale with underscore", b -> debtor(b).put("locale", "en_US"), 422,
                        "debtor.locale", "must be a BCP 47 language tag such as en-US"),
                bad("offset as time zone", b -> debtor(b).put("timeZone", "+08:00"), 422,
                        "debtor.timeZone", "must be an IANA time-zone id such as Asia/Shanghai"),
                bad("unknown time zone", b -> debtor(b).put("timeZone", "Mars/Olympus"), 422,
                        "debtor.timeZone", "must be an IANA time-zone id such as Asia/Shanghai"),
                bad("unknown country (national numbers not judged)", b -> address(b).put("country", "XX"), 422,
                        "debtor.address.country", "must be an ISO 3166-1 alpha-2 country code such as US"),
                bad("address missing", b -> debtor(b).remove("address"), 400, "debtor.address", "is required"),
                bad("address line not a string", b -> address(b).put("lines", new JsonArray().add("x").add(7)),
                        400, "debtor.address.lines[1]", "must be a string"),
                bad("too many address lines", b -> address(b).put("lines", new JsonArray(List.of(
                        "1", "2", "3", "4", "5", "6", "7"))), 422,
                        "debtor.address.lines", "must have at most 6 lines"),
                bad("no contact points", b -> debtor(b).put("contactPoints", new JsonArray()), 422,
                        "debtor.contactPoints", "must have at least one contact point"),
                bad("contact points not an array", b -> debtor(b).put("contactPoints", new JsonObject()), 400,
                        "debtor.contactPoints", "must be an array"),
                bad("contact point not an object", b -> debtor(b).getJsonArray("contactPoints").add("sms"), 400,
                        "debtor.contactPoints[2]", "must be an object"),
                bad("unknown channel", b -> point(b, 0).put("channel", "fax"), 422,
                        "debtor.contactPoints[0].channel", "must be one of sms, voice, email, wechat, letter, visit, agency, legal"),
                bad("phone address missing", b -> point(b, 0).remove("address"), 400,
                        "debtor.contactPoints[0].address", "is required"),
                bad("too short for a phone number", b -> point(b, 0).put("address", "12345"), 422,
                        "debtor.contactPoints[0].address", "is not a valid phone number"),
                bad("letters for a phone number", b -> point(b, 0).put("address", "call me"), 422,
                        "debtor.contactPoints[0].address", "is not a phone number"),
                bad("sms to a Beijing fixed line", b -> {
                    address(b).put("country", "CN");
                    point(b, 0).put("address", "010 6552 9988");
                }, 422, "debtor.contactPoints[0].address",
                        "is not a number that can receive text messages (fixed line)"),
                bad("call to a premium-rate number", b -> point(b, 0).put("channel", "voice")
                        .put("address", "1-900-200-1234"), 422,
                        "debtor.contactPoints[0].address", "is a premium-rate number"),
                bad("email without domain dot", b -> point(b, 1).put("address", "ada@localhost"), 422,
                        "debtor.contactPoints[1].address", "is not a valid email address"),
                bad("email with a space", b -> point(b, 1).put("address", "ada l@example.com"), 422,
                        "debtor.contactPoints[1].address", "is not a valid email address"),
                bad("email with display name", b -> point(b, 1).put("address", "Ada <ada@example.com>"), 422,
                        "debtor.contactPoints[1].address", "must be a bare email address such as name@example.com"),
                bad("wechat id too long", b -> point(b, 1).put("channel", "wechat").put("address", "w".repeat(65)),
                        422, "debtor.contactPoints[1].address", "must be at most 64 characters"),
                bad("wechat id with a space", b -> point(b, 1).put("channel", "wechat").put("address", "ada l"),
                        422, "debtor.contactPoints[1].address", "must not contain spaces or control characters"),
                bad("letter without a postal address", b -> {
                    address(b).remove("lines");
                    debtor(b).getJsonArray("contactPoints").add(new JsonObject().put("channel", "letter"));
                }, 422, "debtor.address.lines", "is required when a letter contact point is given"),
                bad("same number twice", b -> debtor(b).getJsonArray("contactPoints")
                        .add(new JsonObject().put("channel", "sms").put("address", "+1 212 555 0100")), 422,
                        "debtor.contactPoints[2].address", "duplicates debtor.contactPoints[0]"),
                bad("unknown contact type", b -> point(b, 0).put("type", "cousin"), 422,
                        "debtor.contactPoints[0].type",
                        "must be one of mobile, home, work, personal, family, employer, reference"),
                bad("consent as string", b -> point(b, 0).put("consent", "yes"), 400,
                        "debtor.contactPoints[0].consent", "must be a boolean"),
                bad("negative balance", b -> account(b).put("balance", -1), 422,
                        "account.balance", "must not be negative"),
                bad("cents of a cent", b -> account(b).put("balance", "12.345"), 422,
                        "account.balance", "must have at most 2 decimal places for USD"),
                bad("fraction of a yen", b -> account(b).put("currency", "JPY").put("balance", 1.5), 422,
                        "account.balance", "must have at most 0 decimal places for JPY"),
                bad("balance in words", b -> account(b).put("balance", "ten"), 422,
                        "account.balance", "must be a decimal number such as 120.50"),
                bad("balance with exponent", b -> account(b).put("balance", "1e3"), 422,
                        "account.balance", "must be a decimal number such as 120.50"),
                bad("balance as boolean", b -> account(b).put("balance", true), 400,
                        "account.balance", "must be a number or a decimal string"),
                bad("absurd balance", b -> account(b).put("balance", "1000000000000000"), 422,
                        "account.balance", "must be less than 10^15"),
                bad("unknown currency", b -> account(b).put("currency", "XYZ"), 422,
                        "account.currency", "must be an ISO 4217 currency code such as USD"),
                bad("gold is not money", b -> account(b).put("currency", "XAU"), 422,
                        "account.currency", "is not a currency that money amounts are kept in"),
                bad("days past due as string", b -> account(b).put("daysPastDue", "3"), 400,
                        "account.daysPastDue", "must be an integer"),
                bad("US-style due date", b -> account(b).put("dueDate", "02/01/2025"), 422,
                        "account.dueDate", "must be an ISO-8601 date such as 2025-03-01, between 1900-01-01 and 2200-12-31"),
                bad("impossible due date", b -> account(b).put("dueDate", "2025-02-30"), 422,
                        "account.dueDate", "must be an ISO-8601 date such as 2025-03-01, between 1900-01-01 and 2200-12-31"),
                bad("account missing", b -> b.remove("account"), 400, "account", "is required"),
                bad("variable with a space", b -> b.put("variables", new JsonObject().put("first name", "Ada")), 422,
                        "variables['first name']",
                        "is not a valid variable name (1-64 characters of A-Z, a-z, 0-9 and '_')"),
                bad("numeric variable", b -> b.put("variables", new JsonObject().put("n", 1)), 400,
                        "variables.n", "must be a string"),
                bad("too many variables", b -> {
                    JsonObject vars = new JsonObject();
                    IntStream.range(0, 51).forEach(i -> vars.put("v" + i, "x"));
                    b.put("variables", vars);
                }, 422, "variables", "must have at most 50 entries"),
                bad("all errors at once", b -> {
                    b.remove("caseId");
                    debtor(b).put("locale", "de");
                    point(b, 1).put("address", "nobody");
                    account(b).put("currency", "usd!");
                }, 400,
                        "caseId", "is required",
                        "debtor.locale", "'de' is not supported (supported: en, en-US, en-GB, zh, zh-CN)",
                        "debtor.contactPoints[1].address", "is not a valid email address",
                        "account.currency", "must be an ISO 4217 currency code such as USD"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void refusesBadBodiesNamingEveryField(String name, Consumer<JsonObject> breakIt, int status,
                                          List<FieldError> expected) {
        JsonObject body = valid();
        breakIt.accept(body);

        ApiProblem problem = assertThrows(ApiProblem.class, () -> EnrollmentReader.parse(body));

        assertEquals(expected, problem.errors());
        assertEquals(status, problem.status());
        assertEquals(status == 400 ? ApiProblem.type("malformed-request") : ApiProblem.type("validation"),
                problem.type());
    }

    @Test
    void refusesAMissingBody() {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> EnrollmentReader.parse(null));
        assertEquals(400, problem.status());
        assertEquals("the request body must be a JSON object", problem.detail());
    }

    @Test
    void readsAValidBodyAndNormalisesIt() {
        JsonObject body = valid();
        debtor(body).put("locale", "EN-us");
        address(body).put("country", "us").put("region", " ");
        body.put("startAt", "2025-03-01T09:00:00+08:00").put("sequenceVersion", 3)
                .put("variables", new JsonObject().put("agent", "Sam").put("PORTAL_URL", "https://pay.example"));

        EnrollmentRequest request = EnrollmentReader.parse(body);

        assertEquals("CASE-2025:001", request.caseId());
        assertEquals("early-stage", request.sequence());
        assertEquals(3, request.sequenceVersion());
        assertEquals(Instant.parse("2025-03-01T01:00:00Z"), request.startAt());
        assertEquals("en-US", request.debtor().locale());
        assertEquals(ZoneId.of("America/New_York"), request.debtor().timeZone());
        assertEquals("US", request.debtor().address().country());
        assertNull(request.debtor().address().region(), "a blank optional member reads as absent");
        assertEquals(List.of(
                new ContactPoint(Channel.SMS, "+12125550100", ContactType.MOBILE, false),
                new ContactPoint(Channel.EMAIL, "ada@example.com", ContactType.PERSONAL, true)),
                request.debtor().contactPoints());
        assertEquals(new BigDecimal("120.50"), request.account().balance());
        assertEquals(Currency.getInstance("USD"), request.account().currency());
        assertEquals(12, request.account().daysPastDue());
        assertEquals(LocalDate.of(2025, 2, 1), request.account().dueDate());
        assertEquals(List.of("agent", "PORTAL_URL"), List.copyOf(request.variables().keySet()));
    }

    static Stream<Arguments> phoneNumbers() {
        return Stream.of(
                arguments("US", "sms", "(212) 555-0100", "+12125550100"),
                arguments("US", "voice", "212.555.0100", "+12125550100"),
                arguments("CN", "sms", "13800138000", "+8613800138000"),
                arguments("CN", "voice", "010 6552 9988", "+861065529988"),
                arguments("CN", "sms", "+44 7911 123456", "+447911123456"),
                arguments("GB", "sms", "07911 123456", "+447911123456"));
    }

    @ParameterizedTest(name = "{1} {2} in {0} -> {3}")
    @MethodSource("phoneNumbers")
    void normalisesPhoneNumbersToE164InTheDebtorsCountry(String country, String channel, String given,
                                                         String e164) {
        JsonObject body = valid();
        address(body).put("country", country);
        point(body, 0).put("channel", channel).put("address", given);

        ContactPoint point = EnrollmentReader.parse(body).debtor().contactPoints().get(0);

        assertEquals(e164, point.address());
        assertEquals(ContactType.MOBILE, point.type());
    }

    static Stream<Arguments> otherChannels() {
        return Stream.of(
                arguments(new JsonObject().put("channel", "letter"),
                        new ContactPoint(Channel.LETTER, "1 Main St, 10001 New York, NY, US", ContactType.HOME,
                                false)),
                arguments(new JsonObject().put("channel", "letter").put("address", "home").put("type", "work"),
                        new ContactPoint(Channel.LETTER, "home", ContactType.WORK, false)),
                arguments(new JsonObject().put("channel", "WeChat").put("address", "wxid_ada42").put("consent", true),
                        new ContactPoint(Channel.WECHAT, "wxid_ada42", ContactType.PERSONAL, true)),
                arguments(new JsonObject().put("channel", "email").put("address", "ada@work.example")
                                .put("type", "work"),
                        new ContactPoint(Channel.EMAIL, "ada@work.example", ContactType.WORK, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherChannels")
    void readsLettersWechatAndTypedPoints(JsonObject given, ContactPoint expected) {
        JsonObject body = valid();
        debtor(body).getJsonArray("contactPoints").add(given);

        assertEquals(expected, EnrollmentReader.parse(body).debtor().contactPoints().get(2));
    }

    static Stream<Arguments> balances() {
        return Stream.of(
                arguments("USD", 99.9, "99.90"),
                arguments("USD", "0", "0.00"),
                arguments("USD", "12.300", "12.30"),
                arguments("JPY", 1500, "1500"),
                arguments("CNY", "8800.5", "8800.50"),
                arguments("KWD", "1.125", "1.125"));
    }

    @ParameterizedTest(name = "{1} {0} -> {2}")
    @MethodSource("balances")
    void scalesTheBalanceToTheCurrency(String currency, Object balance, String expected) {
        JsonObject body = valid();
        account(body).put("currency", currency).put("balance", balance);

        assertEquals(new BigDecimal(expected), EnrollmentReader.parse(body).account().balance());
    }

    @Test
    void acceptsPreDueAccountsAndLeavesOptionalsEmpty() {
        JsonObject body = valid();
        account(body).put("daysPastDue", -5);
        debtor(body).remove("timeZone");

        EnrollmentRequest request = EnrollmentReader.parse(body);

        assertEquals(-5, request.account().daysPastDue());
        assertNull(request.debtor().timeZone());
        assertNull(request.sequenceVersion());
        assertNull(request.startAt());
        assertEquals(0, request.variables().size());
    }
}
