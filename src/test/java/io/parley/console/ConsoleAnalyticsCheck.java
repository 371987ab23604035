package io.parley.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.math.BigDecimal;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the analytics view must show for the seeded experiment, worked out from {@link AnalyticsHistory}. */
final class ConsoleAnalyticsCheck {
    private final HeadlessChromium chromium;
    private final AnalyticsHistory history;

    ConsoleAnalyticsCheck(HeadlessChromium chromium, AnalyticsHistory history) {
        this.chromium = chromium;
        this.history = history;
    }

    private String text(String css) {
        return chromium.driver.findElement(By.cssSelector(css)).getText().trim();
    }

    /** The step's numbers, the funnel and first contact of an arm. */
    void arm(String variant) {
        AnalyticsHistory.Expected x = history.expected(variant);
        String arm = ".arm[data-arm$=' " + variant + "'] ";
        String step = arm + "table.steps tbody tr[data-step='" + AnalyticsHistory.STEP + "'] ";
        assertEquals(String.valueOf(x.attempts()), text(step + "td[data-field='attempts']"));
        assertEquals(String.valueOf(x.delivered()), text(step + "td[data-field='delivered']"));
        assertEquals(String.valueOf(x.replies()), text(step + "td[data-field='replies']"));
        assertEquals(String.valueOf(x.promises()), text(step + "td[data-field='promises']"));
        assertEquals(String.valueOf(x.kept()), text(step + "td[data-field='promisesKept']"));
        assertEquals(money(x.promised()), text(step + "td[data-field='amountPromised']"));
        assertEquals(money(x.paid()), text(step + "td[data-field='amountPaid']"));
        assertEquals(String.valueOf(x.optOuts()), text(step + "td[data-field='optOuts']"));
        assertEquals(String.valueOf(x.disputes()), text(step + "td[data-field='disputes']"));
        assertEquals("us-regf/sms/hours " + x.deferrals(), text(step + "td[data-field='deferrals']"));
        assertEquals("us-regf/sms/cap " + x.suppressions(), text(step + "td[data-field='suppressions']"));
        WebElement promised = chromium.driver.findElement(By.cssSelector(arm + "table.funnel tr[data-stage='promised']"));
        assertEquals(x.promisedEnrollments() + " " + percent(x.promisedEnrollments(), x.enrolled()),
                promised.findElements(By.cssSelector("td")).get(0).getText() + " "
                        + promised.findElements(By.cssSelector("td")).get(1).getText());
        assertTrue(text(arm + ".meta").startsWith(x.enrolled() + " enrolled; " + x.delivered()
                + " reached a delivered contact, after 2 h 0 min (median)"), text(arm + ".meta"));
    }

    /** The challenger's promise rate against the champion's, with a 95% interval worked out here. */
    void promiseRateCompared() {
        AnalyticsHistory.Expected a = history.expected("champion");
        AnalyticsHistory.Expected b = history.expected("challenger");
        double p1 = (double) a.promisedEnrollments() / a.enrolled();
        double p2 = (double) b.promisedEnrollments() / b.enrolled();
        double se = Math.sqrt(p1 * (1 - p1) / a.enrolled() + p2 * (1 - p2) / b.enrolled());
        String row = "table.comparison tr[data-rate='promise rate'] ";
        assertEquals(points(p2 - p1), text(row + "td[data-field='difference']"));
        assertEquals(points(p2 - p1 - 1.959964 * se) + " to " + points(p2 - p1 + 1.959964 * se),
                text(row + "td[data-field='interval']"));
        assertTrue(text(row + "td.verdict").startsWith("significant"), text(row + "td.verdict"));
        assertEquals(b.promisedEnrollments() + " · " + percent(b.promisedEnrollments(), b.enrolled()),
                text("table.variants tr[data-stage='promised'] td[data-variant='challenger']"));
    }

    static String money(BigDecimal amount) {
        return String.format(Locale.US, "%,.2f", amount);
    }

    static String percent(long part, long whole) {
        return String.format(Locale.US, "%.1f%%", part * 100.0 / whole);
    }

    static String points(double rate) {
        String sign = rate > 0 ? "+" : rate < 0 ? "\u2212" : "\u00b1";
        return sign + String.format(Locale.US, "%.1f pt", Math.abs(rate * 100));
    }
}
