package io.parley.channel.letter;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.parley.testing.MainClassesOnly;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The print schedule in the company's zone, the print-house signature, and the simulator's independence. */
class PrintRulesTest {
    private final PrintSchedule schedule = new PrintSchedule(ZoneId.of("America/New_York"), LocalTime.of(16, 0),
            Duration.ofDays(3));

    @Test
    void aLetterJoinsTheBatchOfTheNextCutOffInTheCompanyZone() {
        assertEquals(LocalDate.of(2026, 12, 7), schedule.printDay(Instant.parse("2026-12-07T20:59:59Z")));
        assertEquals(LocalDate.of(2026, 12, 8), schedule.printDay(Instant.parse("2026-12-07T21:00:00Z")));
        assertEquals(Instant.parse("2026-12-07T21:00:00Z"), schedule.cutoffOf(LocalDate.of(2026, 12, 7)));
        assertEquals(Instant.parse("2026-07-07T20:00:00Z"), schedule.cutoffOf(LocalDate.of(2026, 7, 7)), "EDT");
        assertEquals(Instant.parse("2026-12-10T21:00:00Z"),
                schedule.expectedDelivery(Instant.parse("2026-12-07T15:00:00Z")), "cut-off plus transit");
        assertEquals("2026-12-07", PrintSchedule.batchId(LocalDate.of(2026, 12, 7)));
    }

    @Test
    void signaturesHoldForTheirBodyAndTimeOnly() {
        PrintHouseSignature signature = new PrintHouseSignature("a-shared-secret-of-some-length");
        byte[] body = "{\"type\":\"mailed\"}".getBytes(StandardCharsets.UTF_8);
        Instant at = Instant.parse("2026-12-07T21:00:00Z");
        String header = signature.sign(body, at);
        assertTrue(signature.verify(header, body, at.plusSeconds(60)));
        assertFalse(signature.verify(header, "{\"type\":\"returned\"}".getBytes(StandardCharsets.UTF_8), at));
        assertFalse(signature.verify(header, body, at.plusSeconds(600)), "too old: a replay");
        assertFalse(new PrintHouseSignature("another-secret-of-some-length").verify(header, body, at));
        assertFalse(signature.verify("t=abc,v1=zz", body, at));
        assertFalse(signature.verify(null, body, at));
    }

    @Test
    void thePrintHouseSimulatorStandsAlone() {
        noClasses().that().resideInAPackage("io.parley.simulator.printhouse..")
                .should().dependOnClassesThat().resideInAnyPackage("io.parley.channel..", "io.parley.store..",
                        "io.parley.domain..", "io.parley.config..", "io.parley.template..", "io.parley.policy..",
                        "io.parley.dispatch..", "io.parley.api..")
                .because("it plays an outside print house")
                .check(new ClassFileImporter().withImportOption(new MainClassesOnly())
                        .importPackages("io.parley.simulator.printhouse"));
    }
}
