package io.parley.channel.email.inbound;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.parley.testing.MainClassesOnly;
import org.junit.jupiter.api.Test;

/** Inbound parsing is plain blocking Java: no Vert.x (callers put it on a worker), no console output. */
class InboundPurityTest {
    private final JavaClasses classes = new ClassFileImporter().withImportOption(new MainClassesOnly())
            .importPackages("io.parley.channel.email.inbound");

    @Test
    void noVertx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.vertx..").check(classes);
    }

    @Test
    void noConsole() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(classes);
    }
}
