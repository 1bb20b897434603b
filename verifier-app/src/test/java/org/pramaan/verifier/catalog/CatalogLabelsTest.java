package org.pramaan.verifier.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pramaan.credential.Language;
import org.pramaan.verifier.catalog.CatalogLabels.Outcome;
import org.pramaan.verifier.support.CatalogStub;
import org.pramaan.verifier.support.MutableClock;

/** The labels against a real HTTP catalog endpoint on loopback: served, unchanged, changed, gone. */
class CatalogLabelsTest {

    private static final Map<String, String> INCOME = Map.of("ai", "96000", "pu", "education", "fn", "Venkata Rao",
            "yr", "2025-26");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CatalogStub issuer = CatalogStub.start();

    @AfterEach
    void stopIssuer() {
        issuer.close();
    }

    @Test
    void fieldsAreLabelledInTheReadersLanguageInFormOrderWithEnumOptionsAndTheTitle() throws Exception {
        CatalogLabels labels = labels(issuer.baseUrl());
        assertThat(await(labels.refresh())).isEqualTo(Outcome.UPDATED);

        LabelledCertificate telugu = labels.label("REV", "INC", INCOME, Language.TE);
        assertThat(telugu.title()).contains("ఆదాయ ధృవీకరణ పత్రం");
        assertThat(telugu.fields()).containsExactly(
                new LabelledField("fn", "తండ్రి / భర్త పేరు", "Venkata Rao"),
                new LabelledField("ai", "కుటుంబ వార్షిక ఆదాయం (₹)", "96000"),
                new LabelledField("pu", "ఉద్దేశం", "విద్య / ఉపకార వేతనం"),
                new LabelledField("yr", "yr", "2025-26"));

        LabelledCertificate english = labels.label("REV", "INC", INCOME, Language.EN);
        assertThat(english.title()).contains("Income Certificate");
        assertThat(english.fields()).extracting(LabelledField::label)
                .containsExactly("Father's / husband's name", "Annual family income (₹)", "Purpose", "yr");
        assertThat(english.fields().get(2).value()).isEqualTo("Education / scholarship");

        LabelledCertificate hindi = labels.label("REV", "INC", INCOME, Language.HI);
        assertThat(hindi.title()).contains("आय प्रमाण पत्र");
        assertThat(hindi.fields().get(1)).isEqualTo(new LabelledField("ai", "परिवार की वार्षिक आय (₹)", "96000"));
        assertThat(hindi.fields().get(2).value()).isEqualTo("शिक्षा / छात्रवृत्ति");

        assertThat(labels.departmentName("REV", Language.TE)).contains("రెవెన్యూ (భూ పరిపాలన, రిజిస్ట్రేషన్లు, స్టాంపులు)");
        assertThat(labels.catalog().orElseThrow().formCount()).as("information services have no form").isEqualTo(1);
        assertThat(meters.get("verifier.catalog.forms").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void anEnumValueTheFormDoesNotListAndAnUnknownTypeAreShownAsTheyAre() throws Exception {
        CatalogLabels labels = labels(issuer.baseUrl());
        await(labels.refresh());

        assertThat(labels.label("REV", "INC", Map.of("pu", "pilgrimage"), Language.EN).fields())
                .containsExactly(new LabelledField("pu", "Purpose", "pilgrimage"));
        LabelledCertificate unknownType = labels.label("REV", "XYZ", Map.of("ai", "1"), Language.EN);
        assertThat(unknownType.title()).isEmpty();
        assertThat(unknownType.fields()).containsExactly(new LabelledField("ai", "ai", "1"));
        assertThat(labels.label("SWD", "INC", Map.of("ai", "1"), Language.EN).title())
                .as("a type is looked up with its department").isEmpty();
    }

    @Test
    void beforeAnyCatalogIsKnownAnUnreachableIssuerMeansFieldsByTheirKeys() throws Exception {
        CatalogLabels labels = labels("http://127.0.0.1:" + closedPort());

        assertThat(await(labels.refresh())).isEqualTo(Outcome.FAILED);

        LabelledCertificate raw = labels.label("REV", "INC", INCOME, Language.TE);
        assertThat(raw.title()).isEmpty();
        assertThat(raw.fields()).containsExactly(new LabelledField("ai", "ai", "96000"),
                new LabelledField("fn", "fn", "Venkata Rao"), new LabelledField("pu", "pu", "education"),
                new LabelledField("yr", "yr", "2025-26"));
        assertThat(labels.departmentName("REV", Language.TE)).isEmpty();
        assertThat(labels.confirmedAt()).isEmpty();
        assertThat(meters.get("verifier.catalog.checks").tag("outcome", "failed").counter().count()).isEqualTo(1.0);
    }

    @Test
    void whenTheIssuerGoesDownTheLastGoodCatalogStaysInUse() throws Exception {
        CatalogLabels labels = labels(issuer.baseUrl());
        assertThat(await(labels.refresh())).isEqualTo(Outcome.UPDATED);
        Instant confirmed = labels.confirmedAt().orElseThrow();

        issuer.failWith(503);
        clock.advance(Duration.ofMinutes(11));
        assertThat(await(labels.refresh())).isEqualTo(Outcome.FAILED);
        issuer.close();
        assertThat(await(labels.refresh())).as("connection refused").isEqualTo(Outcome.FAILED);

        assertThat(labels.label("REV", "INC", INCOME, Language.EN).title()).contains("Income Certificate");
        assertThat(labels.label("REV", "INC", INCOME, Language.EN).fields().get(1).label())
                .isEqualTo("Annual family income (₹)");
        assertThat(labels.confirmedAt()).contains(confirmed);
    }

    @Test
    void anUnreadableAnswerKeepsTheLastGoodCatalog() throws Exception {
        CatalogLabels labels = labels(issuer.baseUrl());
        await(labels.refresh());

        issuer.publish("<html>maintenance</html>");
        assertThat(await(labels.refresh())).isEqualTo(Outcome.FAILED);
        issuer.publish("{\"services\": []}");
        assertThat(await(labels.refresh())).isEqualTo(Outcome.FAILED);

        assertThat(labels.label("REV", "INC", INCOME, Language.HI).title()).contains("आय प्रमाण पत्र");
    }

    @Test
    void anUnchangedCatalogIsConfirmedWithItsETagAndAChangedOneReplacesIt() throws Exception {
        CatalogLabels labels = labels(issuer.baseUrl());
        assertThat(await(labels.refresh())).isEqualTo(Outcome.UPDATED);
        assertThat(issuer.lastIfNoneMatch()).as("nothing known yet: an unconditional GET").isNull();

        clock.advance(Duration.ofMinutes(10));
        assertThat(await(labels.refresh())).isEqualTo(Outcome.NOT_MODIFIED);
        assertThat(issuer.lastIfNoneMatch()).isEqualTo(issuer.etag());
        assertThat(issuer.notModified()).isEqualTo(1);
        assertThat(labels.confirmedAt()).contains(clock.instant());
        assertThat(meters.get("verifier.catalog.checks").tag("outcome", "not_modified").counter().count()).isEqualTo(1.0);

        String oldTag = issuer.etag();
        issuer.publish(CatalogStub.resource("catalog/stub-catalog.json")
                .replace("Annual family income (₹)", "Total annual family income (₹)"));
        assertThat(await(labels.refresh())).isEqualTo(Outcome.UPDATED);
        assertThat(issuer.lastIfNoneMatch()).isEqualTo(oldTag);
        assertThat(labels.label("REV", "INC", INCOME, Language.EN).fields().get(1).label())
                .isEqualTo("Total annual family income (₹)");

        assertThat(await(labels.refresh())).as("the new tag is the one sent now").isEqualTo(Outcome.NOT_MODIFIED);
    }

    @Test
    void checksAreDueEveryRefreshAfterSuccessAndEveryRetryAfterFailure() throws Exception {
        CatalogLabels labels = labels(issuer.baseUrl());
        assertThat(await(labels.checkIfDue().orElseThrow())).as("due at once after start").isEqualTo(Outcome.UPDATED);

        clock.advance(Duration.ofMinutes(9));
        assertThat(labels.checkIfDue()).as("within the 10 minute refresh").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(await(labels.checkIfDue().orElseThrow())).isEqualTo(Outcome.NOT_MODIFIED);

        issuer.failWith(500);
        clock.advance(Duration.ofMinutes(10));
        assertThat(await(labels.checkIfDue().orElseThrow())).isEqualTo(Outcome.FAILED);
        clock.advance(Duration.ofSeconds(29));
        assertThat(labels.checkIfDue()).as("within the 30 second retry").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        issuer.failWith(0);
        assertThat(await(labels.checkIfDue().orElseThrow())).isEqualTo(Outcome.NOT_MODIFIED);
        assertThat(issuer.requests()).isEqualTo(4);
    }

    private CatalogLabels labels(String baseUrl) {
        return new CatalogLabels(new CatalogProperties(baseUrl, Duration.ofMinutes(10), Duration.ofSeconds(30),
                Duration.ofSeconds(5)), clock, meters);
    }

    private static Outcome await(CompletableFuture<Outcome> check) throws Exception {
        return check.get(10, TimeUnit.SECONDS);
    }

    /** A loopback port nobody listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
