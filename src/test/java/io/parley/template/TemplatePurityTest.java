package io.parley.template;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The template package is pure: no Vert.x, no console output. */
class TemplatePurityTest {

    private static final JavaClasses TEMPLATE = new ClassFileImporter()
            .withImportOption(new io.parley.testing.MainClassesOnly())
            .importPackages("io.parley.template");

    @Test
    void doesNotDependOnVertx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.vertx..").check(TEMPLATE);
    }

    @Test
    void doesNotWriteToTheConsole() {
        noClasses().should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err").check(TEMPLATE);
    }
}
