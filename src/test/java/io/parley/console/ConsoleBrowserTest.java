package io.parley.console;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.InboundTexts;
import io.parley.testing.ServiceHarness;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.ADMIN_KEY;
import static io.parley.testing.ServiceHarness.READ_KEY;
import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real headless Chromium against a running instance with the shipped sequences and rule packs:
 * every page loads without a console error, the case view tells a reply with its intent, the preview grid shows a
 * quiet-hours deferral, a read-only key cannot cancel an enrollment, and keys come and go as the console promises.
 * Screenshots of each page go to target/console-screenshots (or -Dconsole.screenshots=src/docs/console).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
    private static final String CASE = "case-1001";
    private static final String PHONE = "+16465550101";

    private HeadlessChromium chromium;
    private ServiceHarness harness;
    private Parley parley;
    private String enrollmentId;
    private final Path shots = Path.of(System.getProperty("console.screenshots", "target/console-screenshots"));

    @BeforeAll
    void start() {
        chromium = HeadlessChromium.start();
        harness = new ServiceHarness();
        parley = harness.start(Map.of("paths.policies", "conf/policies"));
        JsonObject created = harness.post(parley, "/v1/enrollments", EnrollmentBodies.request(CASE, "m1-early", PHONE,
                "alex.morgan@example.com", ZoneId.of("America/New_York"))).bodyAsJsonObject();
        enrollmentId = created.getString("id");
        new InboundTexts(harness).send(parley, PHONE, "I will pay $200 next Friday");
        harness.awaitTimeline(parley, CASE, t -> has(t, "reply.received", d -> true), Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    private String url(String fragment) {
        return "http://127.0.0.1:" + parley.port() + "/console/" + fragment;
    }

    /** Opens a deep link with the key handed over in the fragment. */
    private void openAs(String key, String route) {
        chromium.open(url("#/" + route + (route.contains("?") ? "&" : "?") + "key=" + key));
    }

    @Test
    void everyPageLoadsWithoutConsoleErrors() {
        chromium.consoleErrors();
        List<String> errors = new ArrayList<>();
        String[][] pages = {
                {"cases/" + CASE, ".point", "case"}, {"cases", ".recent table", "cases"},
                {"sequences", "table.list", "sequences"}, {"sequences/m1-early", "svg.seqgraph", "sequence"},
                {"preview?sequence=m1-early&date=2026-12-07&time=23:00", ".chip", "preview"},
                {"health", "table.channels", "health"}};
        for (String[] page : pages) {
            openAs(ADMIN_KEY, page[0]);
            chromium.await(By.cssSelector(page[1]));
            if (page[2].equals("preview")) {
                chromium.await(By.cssSelector(".chip.defer")).click(); // the screenshot shows a deferral explained
                chromium.awaitText(By.cssSelector("aside.explain"), "defer");
            }
            chromium.screenshot(shots.resolve(page[2] + ".png"), 1280, 2400);
            chromium.consoleErrors().forEach(e -> errors.add(page[0] + ": " + e));
        }
        for (Object sequence : harness.call(parley, HttpMethod.GET, "/v1/sequences", READ_KEY, null).bodyAsJsonObject()
                .getJsonArray("sequences").stream().map(o -> ((JsonObject) o).getString("name")).distinct().toList()) {
            openAs(READ_KEY, "sequences/" + sequence);
            chromium.awaitText(By.cssSelector("svg.seqgraph"), "end");
            chromium.consoleErrors().forEach(e -> errors.add(sequence + ": " + e));
        }
        openAs(READ_KEY, "cases/" + CASE);
        chromium.await(By.cssSelector(".entry"));
        chromium.screenshot(shots.resolve("case-phone.png"), 390, 2400);
        chromium.consoleErrors().forEach(e -> errors.add("phone: " + e));
        assertEquals(List.of(), errors);
    }

    @Test
    void channelHealthRefreshesFromTheMetrics() {
        openAs(READ_KEY, "health");
        WebElement sms = chromium.await(By.cssSelector("table.channels tr[data-channel='sms']"));
        assertTrue(sms.getText().contains("sms-twilio-send: closed"), sms.getText());
        String first = chromium.driver.findElement(By.cssSelector(".page-head .meta")).getText();
        new org.openqa.selenium.support.ui.WebDriverWait(chromium.driver, Duration.ofSeconds(15)).until(d ->
                !d.findElement(By.cssSelector(".page-head .meta")).getText().equals(first));
    }

    @Test
    void theCaseViewShowsTheReplyWithItsIntentAndPromise() {
        openAs(READ_KEY, "cases/" + CASE);
        WebElement reply = chromium.await(By.cssSelector(".entry[data-kind='reply.received']"));
        assertTrue(reply.getText().contains("I will pay $200 next Friday"), reply.getText());
        assertTrue(reply.findElement(By.cssSelector(".pill.intent")).getText().contains("promise_to_pay"));
        assertTrue(reply.getText().contains("Promised: 200"), reply.getText());
        WebElement sms = chromium.await(By.cssSelector(".point[data-channel='sms']"));
        assertTrue(sms.getText().contains("+16*******01"), "a read key sees the address masked: " + sms.getText());
        assertFalse(chromium.driver.getPageSource().contains(PHONE), "the full number is nowhere on the page");
        assertTrue(sms.findElement(By.cssSelector("table.caps")).getText().contains("us-regf/sms/"), sms.getText());

        chromium.driver.findElement(By.cssSelector("#f-channel option[value='sms']")).click();
        assertEquals(1, chromium.driver.findElements(By.cssSelector(".entry[data-kind='reply.received']")).size());
        assertTrue(chromium.driver.findElements(By.cssSelector(".entry[data-kind='enrollment.created']")).isEmpty(),
                "entries of no channel are filtered out when only SMS is shown");
        chromium.driver.findElement(By.cssSelector("fieldset.kinds input[value='reply']")).click();
        assertTrue(chromium.driver.findElements(By.cssSelector(".entry[data-kind='reply.received']")).isEmpty(),
                "replies are filtered out when their kind is unticked");
    }

    @Test
    void thePreviewGridShowsAQuietHoursDeferral() {
        openAs(READ_KEY, "preview?sequence=m1-early&zone=America/New_York&date=2026-12-07&time=23:00");
        WebElement deferred = chromium.await(By.cssSelector(".chip.defer[data-step='sms-day-1']"));
        assertTrue(deferred.getDomAttribute("data-rules").contains("us-regf/sms/hours"), deferred.getDomAttribute("data-rules"));
        WebElement cell = deferred.findElement(By.xpath(".."));
        assertFalse(cell.getDomAttribute("class").contains("quiet"), "it goes when contact hours open");
        assertFalse(chromium.driver.findElements(By.cssSelector(".cell.quiet .ghost")).isEmpty(),
                "where it was due, in quiet hours, a mark shows it was deferred");
        deferred.click();
        chromium.awaitText(By.cssSelector("aside.explain"), "us-regf/sms/hours");
    }

    @Test
    void aReadOnlyKeySeesButCannotCancelAnEnrollment() {
        openAs(READ_KEY, "cases/" + CASE);
        WebElement cancel = chromium.await(By.cssSelector("button[data-action='cancel'][data-enrollment='" + enrollmentId + "']"));
        assertFalse(cancel.isEnabled(), "the read key's cancel button is disabled");
        chromium.script("arguments[0].removeAttribute('disabled'); window.confirm = () => true; arguments[0].click();", cancel);
        chromium.awaitText(By.cssSelector(".panel .form-status"), "This key may not change enrollments.");
        chromium.consoleErrors();
        assertEquals(200, harness.call(parley, HttpMethod.GET, "/v1/enrollments/" + enrollmentId, ADMIN_KEY, null).statusCode());
        String status = harness.call(parley, HttpMethod.GET, "/v1/enrollments/" + enrollmentId, ADMIN_KEY, null)
                .bodyAsJsonObject().getString("status");
        assertTrue(List.of("active", "paused").contains(status), "still running: " + status);

        openAs(ADMIN_KEY, "cases/" + CASE);
        assertTrue(chromium.await(By.cssSelector("button[data-action='cancel']")).isEnabled(), "a write key may cancel");
    }

    @Test
    void theKeyboardReachesTheSectionsAndWhatIsOnThem() {
        openAs(READ_KEY, "cases");
        chromium.await(By.cssSelector(".recent table"));
        chromium.script("document.querySelector('.brand').focus()");
        Actions keys = new Actions(chromium.driver);
        keys.sendKeys(Keys.TAB).perform();
        assertEquals("Cases", chromium.driver.switchTo().activeElement().getText());
        keys.sendKeys(Keys.TAB).perform();
        assertEquals("Sequences", chromium.driver.switchTo().activeElement().getText());
        keys.sendKeys(Keys.ENTER).perform();
        chromium.await(By.cssSelector("table.list a[href='#/sequences/m1-early']")).sendKeys(Keys.ENTER);
        chromium.await(By.cssSelector("svg.seqgraph"));
        assertTrue(chromium.driver.getCurrentUrl().endsWith("#/sequences/m1-early"), chromium.driver.getCurrentUrl());
        WebElement firstStep = chromium.driver.findElements(By.cssSelector("svg.seqgraph .node")).get(1);
        chromium.script("arguments[0].focus()", firstStep);
        assertTrue(chromium.driver.switchTo().activeElement().getDomAttribute("aria-label").startsWith("sms-day-1"),
                "the graph's boxes take the focus and say what they are");
    }

    @Test
    void aKeyHandedOverInTheFragmentLeavesTheAddressBarAndLogoutForgetsIt() {
        openAs(READ_KEY, "sequences/m1-early");
        chromium.await(By.cssSelector("svg.seqgraph"));
        assertFalse(chromium.driver.getCurrentUrl().contains("key="), chromium.driver.getCurrentUrl());
        assertTrue(chromium.driver.getCurrentUrl().endsWith("#/sequences/m1-early"), chromium.driver.getCurrentUrl());
        assertEquals(READ_KEY, chromium.script("return sessionStorage.getItem('parley.console.key')"));
        chromium.awaitText(By.id("who"), "reader (READ, read-only)");

        chromium.driver.findElement(By.id("logout")).click();
        chromium.await(By.cssSelector("form.login"));
        assertNull(chromium.script("return sessionStorage.getItem('parley.console.key')"));

        chromium.driver.findElement(By.id("key")).sendKeys("not-a-key-0123456789");
        chromium.driver.findElement(By.cssSelector("form.login button")).click();
        chromium.awaitText(By.cssSelector("form.login .form-status"), "That key is not known.");
        chromium.driver.findElement(By.id("key")).clear();
        chromium.driver.findElement(By.id("key")).sendKeys(ADMIN_KEY + "\n");
        chromium.await(By.cssSelector("svg.seqgraph"));
        chromium.consoleErrors();
    }
}
