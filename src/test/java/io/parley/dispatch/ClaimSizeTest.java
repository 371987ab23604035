package io.parley.dispatch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimSizeTest {
    @Test
    void failuresHalveTheClaimDownToOneStepWhichIsSetAside() {
        ClaimSize size = new ClaimSize(256);
        assertEquals(256, size.limit());
        int[] expected = {128, 64, 32, 16, 8, 4, 2, 1};
        int claimed = 256;
        for (int next : expected) {
            assertFalse(size.failed(claimed), "a batch of " + claimed + " is not set aside");
            assertEquals(next, size.limit());
            claimed = next;
        }
        assertTrue(size.failed(1), "a single step that fails is set aside");
        assertEquals(1, size.limit());
    }

    @Test
    void commitsDoubleTheClaimBackToTheFullBatch() {
        ClaimSize size = new ClaimSize(100);
        size.failed(100);
        size.failed(50);
        assertEquals(25, size.limit());
        size.committed();
        assertEquals(50, size.limit());
        size.committed();
        assertEquals(100, size.limit());
        size.committed();
        assertEquals(100, size.limit(), "never beyond the full batch");
    }

    @Test
    void aShortBatchThatFailsHalvesFromWhatWasClaimed() {
        ClaimSize size = new ClaimSize(256);
        assertFalse(size.failed(10), "only ten were due");
        assertEquals(5, size.limit());
        assertFalse(size.failed(0), "nothing was claimed: the claim itself failed");
        assertEquals(5, size.limit(), "a failure with no steps in hand changes nothing");
        assertFalse(size.failed(3));
        assertEquals(1, size.limit());
    }

    @Test
    void aBatchTakesAtLeastOneStep() {
        assertThrows(IllegalArgumentException.class, () -> new ClaimSize(0));
    }
}
