package io.parley.analytics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VariantAssignmentTest {
    private static final List<VariantAssignment.Weighted> EIGHTY_TWENTY = List.of(
            new VariantAssignment.Weighted("champion", 80), new VariantAssignment.Weighted("challenger", 20));

    @Test
    void theSameCaseLandsInTheSameArmEveryTime() {
        for (int i = 0; i < 200; i++) {
            String first = VariantAssignment.assign("m1-2026", "case-" + i, EIGHTY_TWENTY);
            assertEquals(first, VariantAssignment.assign("m1-2026", "case-" + i, List.copyOf(EIGHTY_TWENTY)));
        }
    }

    /** Shares within four standard deviations of the weights over 20,000 cases. */
    @ParameterizedTest
    @CsvSource({"80, 20", "50, 50", "1, 3", "10, 1"})
    void armsGetTheirShare(int a, int b) {
        List<VariantAssignment.Weighted> arms = List.of(new VariantAssignment.Weighted("a", a),
                new VariantAssignment.Weighted("b", b));
        Map<String, Integer> counts = new HashMap<>();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            counts.merge(VariantAssignment.assign("exp", "C-" + i, arms), 1, Integer::sum);
        }
        double p = (double) a / (a + b);
        double sd = Math.sqrt(p * (1 - p) / n);
        double share = counts.getOrDefault("a", 0) / (double) n;
        assertTrue(Math.abs(share - p) < 4 * sd, "share " + share + " for weight " + p);
    }

    @Test
    void anotherExperimentShufflesTheCasesAnew() {
        List<VariantAssignment.Weighted> halves = List.of(new VariantAssignment.Weighted("a", 1),
                new VariantAssignment.Weighted("b", 1));
        int same = 0;
        for (int i = 0; i < 2000; i++) {
            same += VariantAssignment.assign("one", "C-" + i, halves)
                    .equals(VariantAssignment.assign("two", "C-" + i, halves)) ? 1 : 0;
        }
        assertTrue(same > 850 && same < 1150, "agreements " + same + " of 2000");
    }

    @Test
    void aSingleArmTakesEveryone() {
        assertEquals("only", VariantAssignment.assign("x", "c", List.of(new VariantAssignment.Weighted("only", 5))));
    }

    @Test
    void weightsBelowOneAndNoArmsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new VariantAssignment.Weighted("z", 0));
        assertThrows(IllegalArgumentException.class, () -> VariantAssignment.assign("x", "c", List.of()));
    }
}
