package org.pramaan.bridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The bridge's packages depend on each other in one direction: the webhook takes messages in and hands them to the
 * conversation, which replies through the outbound package; texts, pacing, the catalog and the issuer's client sit
 * below them. The conversation speaks no HTTP of its own (the issuer and Graph clients do). A new cycle fails here.
 */
class PackageStructureTest {

    private static final JavaClasses BRIDGE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pramaan.bridge");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.pramaan.bridge.(*)..").should().beFreeOfCycles().check(BRIDGE);
    }

    @Test
    void theConversationAndTheCitizensSpeakNoHttp() {
        noClasses().that().resideInAnyPackage("org.pramaan.bridge.conversation..", "org.pramaan.bridge.citizen..",
                        "org.pramaan.bridge.search..", "org.pramaan.bridge.texts..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "org.springframework.http..", "jakarta.servlet..")
                .check(BRIDGE);
    }

    @Test
    void nothingBelowTheWebhookReachesUpIntoIt() {
        noClasses().that().resideInAnyPackage("org.pramaan.bridge.conversation..", "org.pramaan.bridge.outbound..",
                        "org.pramaan.bridge.citizen..", "org.pramaan.bridge.issuer..", "org.pramaan.bridge.catalog..")
                .should().dependOnClassesThat().resideInAPackage("org.pramaan.bridge.webhook..")
                .check(BRIDGE);
    }
}
