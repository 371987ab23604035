package io.parley.enrollment;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.parley.http.ApiProblem;
import io.parley.testing.MainClassesOnly;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The enrollment logic knows nothing of HTTP: it returns results and typed refusals, and the API maps them to status
 * codes and problem documents. So nothing in it depends on the API, the problem types, the web router or HTTP
 * codecs.
 */
class EnrollmentKnowsNoHttpTest {
    private static final ArchRule NO_HTTP = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.parley.api..", "io.parley.http..", "io.vertx.ext.web..", "io.vertx.core.http..",
                    "io.netty.handler.codec.http..")
            .because("the api layer maps enrollment results and refusals to HTTP; arrows point down, not back");

    @Test
    void enrollmentDoesNotDependOnTheApiOrHttp() {
        JavaClasses classes = new ClassFileImporter().withImportOption(new MainClassesOnly())
                .importPackages("io.parley.enrollment");
        NO_HTTP.check(classes);
    }

    @Test
    void theRuleCatchesAnOffender() {
        JavaClasses classes = new ClassFileImporter().importClasses(ThrowsAProblem.class);
        assertThrows(AssertionError.class, () -> NO_HTTP.check(classes));
    }

    static final class ThrowsAProblem {
        void refuse() {
            throw ApiProblem.conflict("an HTTP answer from below the api layer");
        }
    }
}
