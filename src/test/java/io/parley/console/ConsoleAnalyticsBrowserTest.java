package io.parley.console;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.ADMIN_KEY;
import static io.parley.testing.ServiceHarness.READ_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's results page in a real headless Chromium, over a seeded week of a champion/challenger experiment on
 * m1-early (its own instance, so the other pages' screenshots show no seeded cases): reached from the sequence by
 * keyboard, the period picked in its form, every number on the page as {@link AnalyticsHistory} counts it, the CSV
 * saved, no console error; screenshots at 1280 px and on a phone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleAnalyticsBrowserTest {
    private static final String PERIOD = "analytics/m1-early?from=2026-11-01&to=2026-11-07";

    private HeadlessChromium chromium;
    private ServiceHarness harness;
    private Parley parley;
    private final AnalyticsHistory history = new AnalyticsHistory();
    private final Path shots = Path.of(System.getProperty("console.screenshots", "target/console-screenshots"));

    @BeforeAll
    void start() {
        chromium = HeadlessChromium.start();
        harness = new ServiceHarness();
        parley = harness.start(Map.of("paths.policies", "conf/policies"));
        // an enrollment of today, without a variant: in "all time", not in the seeded week
        harness.post(parley, "/v1/enrollments", EnrollmentBodies.request("case-today", "m1-early", "+16465550199",
                null, ZoneId.of("America/New_York")));
        Pool pool = PgBuilder.pool().connectingTo(harness.database.connectOptions()).using(harness.vertx).build();
        try {
            ServiceHarness.get(history.write(pool));
        } finally {
            pool.close();
        }
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

    private void openAs(String key, String route) {
        chromium.open("http://127.0.0.1:" + parley.port() + "/console/#/" + route
                + (route.contains("?") ? "&" : "?") + "key=" + key);
    }

    @Test
    void theResultsShowTheExperimentsNumbersForThePeriodPicked() {
        openAs(READ_KEY, "sequences/m1-early");
        chromium.await(By.cssSelector("a.button[href='#/analytics/m1-early']")).sendKeys(Keys.ENTER);
        chromium.await(By.cssSelector("section.version"));
        assertEquals(3, chromium.driver.findElements(By.cssSelector(".arm[data-arm]")).size(),
                "all time: the seeded variants and today's enrollment without one");
        chromium.script("document.getElementById('a-from').value = '2026-11-01';"
                + "document.getElementById('a-to').value = '2026-11-07';");
        chromium.driver.findElement(By.cssSelector("form.period button[type='submit']")).sendKeys(Keys.ENTER);
        new WebDriverWait(chromium.driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("#/" + PERIOD)
                && d.findElements(By.cssSelector(".arm[data-arm]")).size() == 2);
        chromium.await(By.cssSelector("table.comparison"));
        ConsoleAnalyticsCheck check = new ConsoleAnalyticsCheck(chromium, history);
        check.arm("champion");
        check.arm("challenger");
        check.promiseRateCompared();
        chromium.driver.findElement(By.id("export")).click();
        chromium.awaitText(By.cssSelector(".page-head .form-status"), "Saved m1-early-analytics-2026-11-01-to-2026-11-07.csv");
        assertEquals(List.of(), chromium.consoleErrors());
    }

    @Test
    void theResultsPageLoadsWithoutConsoleErrorsAtDeskAndPhoneWidths() {
        chromium.consoleErrors();
        openAs(ADMIN_KEY, PERIOD);
        chromium.await(By.cssSelector("table.comparison"));
        chromium.screenshot(shots.resolve("analytics.png"), 1280, 2400);
        openAs(READ_KEY, PERIOD);
        chromium.await(By.cssSelector("table.comparison"));
        chromium.screenshot(shots.resolve("analytics-phone.png"), 390, 2400);
        long wide = ((Number) chromium.script("return document.documentElement.scrollWidth")).longValue();
        assertTrue(wide <= 1280, "the page itself never scrolls sideways at 1280 px: " + wide);
        assertEquals(List.of(), chromium.consoleErrors());
    }
}
