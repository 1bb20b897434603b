package org.pramaan.issuer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The issuer's packages are capabilities (applications, certificates, holds, anchoring, delivery, keys, audit, ...)
 * that depend on each other in one direction only; the domain speaks no HTTP (its refusals are service-support's
 * RefusalExceptions, turned into problem+json at the edge), and only the edge reaches into the web packages.
 * A new cycle or a web type in the domain fails here, naming the classes.
 */
class PackageStructureTest {

    private static final JavaClasses ISSUER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pramaan.issuer");

    private static final String[] DOMAIN = {"org.pramaan.issuer.application..", "org.pramaan.issuer.certificate..",
            "org.pramaan.issuer.hold..", "org.pramaan.issuer.anchoring..", "org.pramaan.issuer.delivery..",
            "org.pramaan.issuer.ledger..", "org.pramaan.issuer.contact..", "org.pramaan.issuer.work..",
            "org.pramaan.issuer.audit..", "org.pramaan.issuer.pdf..", "org.pramaan.issuer.rendering.."};
    // Not listed: seal (the PDF's PAdES signature: it serves the development TSA and the CRL, and calls a TSA).

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.pramaan.issuer.(*)..").should().beFreeOfCycles().check(ISSUER);
    }

    @Test
    void theDomainSpeaksNoHttp() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "org.springframework.http..", "jakarta.servlet..")
                .check(ISSUER);
    }

    @Test
    void onlyTheEdgeReachesIntoTheWebPackages() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.pramaan.issuer.web..",
                        "org.pramaan.issuer.console..", "org.pramaan.issuer.keys..")
                .check(ISSUER);
    }
}
