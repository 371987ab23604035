package io.parley.simulator.wechat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.parley.testing.MainClassesOnly;
import org.junit.jupiter.api.Test;

/** The WeChat simulator plays the platform: it knows nothing of Parley, only the protocol. */
class SimulatorIndependenceTest {

    @Test
    void importsNoOtherParleyPackage() {
        noClasses().that().resideInAPackage("io.parley.simulator.wechat..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "Parley classes outside the simulator",
                        c -> c.getPackageName().startsWith("io.parley")
                                && !c.getPackageName().startsWith("io.parley.simulator.wechat")))
                .check(new ClassFileImporter().withImportOption(new MainClassesOnly())
                        .importPackages("io.parley.simulator.wechat"));
    }
}
