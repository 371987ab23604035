package io.parley.analytics;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateComparisonTest {
    /** Intervals worked out by hand (p2 - p1 -/+ 1.96 * sqrt(p1(1-p1)/n1 + p2(1-p2)/n2)). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            100  | 40  | 100  | 55  | 0.15  | 0.013153  | 0.286847  | significant: the promise rate of challenger higher than champion by 15.0 points (95% interval 1.3 to 28.7)
            200  | 50  | 200  | 60  | 0.05  | -0.037378 | 0.137378  | not yet significant: the promise rate of challenger higher than champion by 5.0 points (95% interval -3.7 to 13.7), which could be no difference
            1000 | 500 | 1000 | 430 | -0.07 | -0.113611 | -0.026389 | significant: the promise rate of challenger lower than champion by 7.0 points (95% interval -11.4 to -2.6)
            """)
    void intervalsOnTheDifference(long n1, long h1, long n2, long h2, double diff, double low, double high,
                                  String verdict) {
        RateComparison c = RateComparison.of("promise rate", "champion", n1, h1, "challenger", n2, h2);
        assertEquals(diff, c.difference(), 1e-6);
        assertEquals(low, c.low(), 1e-6);
        assertEquals(high, c.high(), 1e-6);
        assertEquals(verdict, c.verdict());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            20  | 5   | 20  | 10  | not yet significant: too few cases
            100 | 2   | 100 | 10  | not yet significant: too few cases
            100 | 98  | 100 | 90  | not yet significant: too few cases
            0   | 0   | 50  | 10  | no data yet: champion has no cases
            50  | 10  | 0   | 0   | no data yet: challenger has no cases
            """)
    void tooLittleDataClaimsNoInterval(long n1, long h1, long n2, long h2, String verdictStart) {
        RateComparison c = RateComparison.of("kept rate", "champion", n1, h1, "challenger", n2, h2);
        assertNull(c.low());
        assertNull(c.high());
        assertTrue(c.verdict().startsWith(verdictStart), c.verdict());
    }

    @ParameterizedTest
    @CsvSource({"10, 11, 10, 1", "10, -1, 10, 1", "10, 1, 10, 12"})
    void hitsBeyondTheSampleAreRefused(long n1, long h1, long n2, long h2) {
        assertThrows(IllegalArgumentException.class, () -> RateComparison.of("r", "a", n1, h1, "b", n2, h2));
    }
}
