package io.parley;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The policy, domain and definition-file packages are plain Java: no Vert.x, no console output. */
class PurePackagesTest {
    private static final ArchRule NO_VERTX = noClasses().should().dependOnClassesThat().resideInAPackage("io.vertx..")
            .because("policy decisions and domain types do not depend on the runtime");
    private static final ArchRule NO_CONSOLE = noClasses().should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("they log nothing; what they decide is recorded by their callers");

    static Stream<Arguments> packagesAndRules() {
        return Stream.of("io.parley.policy", "io.parley.domain", "io.parley.files").flatMap(pkg -> {
            JavaClasses classes = new ClassFileImporter()
                    .withImportOption(new io.parley.testing.MainClassesOnly())
                    .importPackages(pkg);
            return Stream.of(Arguments.of(pkg, "no Vert.x", NO_VERTX, classes),
                    Arguments.of(pkg, "no System.out/err", NO_CONSOLE, classes));
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
                Arguments.of("prints to System.err", NO_CONSOLE, PrintsErr.class));
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

    static final class PrintsErr {
        void print() {
            System.err.println("err");
        }
    }
}
