package io.parley.reply;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The reply package is pure: no Vert.x, no console, and time only from the arrival instant it is given. */
class ReplyPurityTest {
    private static final JavaClasses REPLY = new ClassFileImporter()
            .withImportOption(new io.parley.testing.MainClassesOnly())
            .importPackages("io.parley.reply");

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("no Vert.x", noClasses().should().dependOnClassesThat().resideInAPackage("io.vertx..")),
                Arguments.of("no clock", noClasses().should().dependOnClassesThat().areAssignableTo(Clock.class)),
                Arguments.of("no Instant.now", noClasses().should().callMethod(Instant.class, "now")),
                Arguments.of("no LocalDate.now", noClasses().should().callMethod(LocalDate.class, "now")),
                Arguments.of("no LocalDateTime.now", noClasses().should().callMethod(LocalDateTime.class, "now")),
                Arguments.of("no ZonedDateTime.now", noClasses().should().callMethod(ZonedDateTime.class, "now")),
                Arguments.of("no System.currentTimeMillis",
                        noClasses().should().callMethod(System.class, "currentTimeMillis")),
                Arguments.of("no System.out", noClasses().should().accessField(System.class, "out")),
                Arguments.of("no System.err", noClasses().should().accessField(System.class, "err")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void staysPure(String title, ArchRule rule) {
        rule.check(REPLY);
    }
}
