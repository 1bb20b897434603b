package org.pramaan.verifier;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The verifier's packages are capabilities (trust, verification, image decoding, receipts, ...) that depend on each
 * other in one direction only, and only the web layer speaks HTTP. A new cycle fails here, naming the classes.
 */
class PackageStructureTest {

    private static final JavaClasses VERIFIER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pramaan.verifier");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.pramaan.verifier.(*)..").should().beFreeOfCycles().check(VERIFIER);
    }

    @Test
    void onlyTheWebLayerDependsOnIt() {
        noClasses().that().resideOutsideOfPackages("org.pramaan.verifier.web..", "org.pramaan.verifier")
                .should().dependOnClassesThat().resideInAPackage("org.pramaan.verifier.web..")
                .check(VERIFIER);
    }
}
