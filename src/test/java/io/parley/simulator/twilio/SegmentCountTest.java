package io.parley.simulator.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentCountTest {
    @ParameterizedTest(name = "{0} x {1} -> {2}")
    @CsvSource({
            "a, 1, 1",
            "a, 160, 1",
            "a, 161, 2",
            "a, 306, 2",
            "a, 307, 3",
            "€, 80, 1",
            "€, 81, 2",
            "é, 160, 1",
            "ж, 70, 1",
            "ж, 71, 2",
            "ж, 134, 2",
            "ж, 135, 3"})
    void countsSegmentsLikeCarriers(String character, int repeat, int segments) {
        assertEquals(segments, SegmentCount.of(character.repeat(repeat)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'Your balance is due', 1", "'Pay now 👍', 1"})
    void mixedTextFollowsItsWidestCharacter(String body, int segments) {
        assertEquals(segments, SegmentCount.of(body));
    }
}
