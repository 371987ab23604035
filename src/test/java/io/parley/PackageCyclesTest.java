package io.parley;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Arrows point down, never in circles: no cycle between the top-level packages of io.parley (a channel's
 * sub-packages belong to channel).
 */
class PackageCyclesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(new io.parley.testing.MainClassesOnly())
            .importPackages("io.parley");

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("io.parley.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
