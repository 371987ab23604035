package io.parley;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The domain logic is plain Java: no Vert.x, no console output; and the packages that decide with time (sequence
 * engine, compliance policy, reply classifier) take it from their arguments, never from a clock of their own.
 */
class PurePackagesTest {
    private static final List<String> PLAIN = List.of("io.parley.policy", "io.parley.domain", "io.parley.files",
            "io.parley.sequence", "io.parley.template", "io.parley.reply", "io.parley.channel.email.inbound",
            "io.parley.channel.voice.flow");
    private static final List<String> TIMELESS = List.of("io.parley.policy", "io.parley.sequence", "io.parley.reply",
            "io.parley.channel.voice.flow");
    private static final ArchRule NO_CLOCK = noClasses().should().dependOnClassesThat().areAssignableTo(Clock.class)
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("time comes from the caller, so tests and previews can decide at any instant");
    private static final ArchRule NO_VERTX = noClasses().should().dependOnClassesThat().resideInAPackage("io.vertx..")
            .because("policy decisions and domain types do not depend on the runtime");
    private static final ArchRule NO_CONSOLE = noClasses().should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("they log nothing; what they decide is recorded by their callers");

    static Stream<Arguments> packagesAndRules() {
        return PLAIN.stream().flatMap(pkg -> {
            JavaClasses classes = new ClassFileImporter()
                    .withImportOption(new io.parley.testing.MainClassesOnly())
                    .importPackages(pkg);
            Stream<Arguments> plain = Stream.of(Arguments.of(pkg, "no Vert.x", NO_VERTX, classes),
                    Arguments.of(pkg, "no System.out/err", NO_CONSOLE, classes));
            return TIMELESS.contains(pkg)
                    ? Stream.concat(plain, Stream.of(Arguments.of(pkg, "no clock of its own", NO_CLOCK, classes)))
                    : plain;
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("packagesAndRules")
    void staysPure(String pkg, String title, ArchRule rule, JavaClasses classes) {
        rule.check(classes);
    }

    /** The rules do catch what they forbid (so a passing check means something). */
    static Stream<Arguments> offenders() {
        return Stream.of(Arguments.of("uses Vert.x", NO_VERTX, UsesVertx.class),
                Arguments.of("prints to System.out", NO_CONSOLE, PrintsOut.class),
                Arguments.of("prints to System.err", NO_CONSOLE, PrintsErr.class),
                Arguments.of("reads the clock", NO_CLOCK, ReadsTheClock.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("offenders")
    void catchesAnOffender(String title, ArchRule rule, Class<?> offender) {
        JavaClasses classes = new ClassFileImporter().importClasses(offender);
        assertThrows(AssertionError.class, () -> rule.check(classes));
    }

    static final class UsesVertx {
        String encode() {
            return new JsonObject().encode();
        }
    }

    static final class PrintsOut {
        void print() {
            System.out.println("out");
        }
    }

    static final class ReadsTheClock {
        Instant now() {
            return Instant.now();
        }
    }

    static final class PrintsErr {
        void print() {
            System.err.println("err");
        }
    }
}
