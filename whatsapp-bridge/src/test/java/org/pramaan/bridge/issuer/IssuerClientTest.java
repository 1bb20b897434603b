package org.pramaan.bridge.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.config.IssuerProperties;

/**
 * The typed client against a real HTTP server on loopback: the records it reads, the headers it sends, reads retried
 * on a 5xx, and refusals read from problem+json (with {@code code}) and from the older {@code {"error","errors"}}.
 */
class IssuerClientTest {

    private HttpServer server;
    private final List<HttpExchange> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int status = 200;
    private volatile String contentType = "application/json";
    private volatile byte[] body = new byte[0];
    private IssuerClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            seen.add(ex);
            ex.getRequestBody().readAllBytes();
            if (failuresLeft.getAndDecrement() > 0) {
                ex.sendResponseHeaders(503, -1);
                ex.close();
                return;
            }
            ex.getResponseHeaders().add("Content-Type", contentType);
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        client = new IssuerClient(new IssuerProperties("http://127.0.0.1:" + server.getAddress().getPort(),
                "whatsapp-bridge", "s3cret"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(int status, String contentType, String json) {
        this.status = status;
        this.contentType = contentType;
        this.body = json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheListsIntoRecordsSigningInAsTheBridge() {
        answer(200, "application/json", "{\"applications\":[{\"id\":\"a1\",\"status\":\"SUBMITTED\",\"serviceCode\":"
                + "\"REV-INCOME\",\"submittedAt\":\"2026-11-28T06:00:00Z\",\"decidedAt\":null,\"extra\":1}]}");
        List<IssuerClient.Application> list = client.applications("919876543210");
        assertThat(list).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("a1");
            assertThat(a.serviceCode()).isEqualTo("REV-INCOME");
            assertThat(a.submitted()).hasToString("2026-11-28T06:00:00Z");
            assertThat(a.decidedAt()).isNull();
        });
        HttpExchange request = seen.get(0);
        assertThat(request.getRequestURI().toString()).isEqualTo("/api/v1/applications?phoneNumber=919876543210");
        assertThat(request.getRequestHeaders().getFirst("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("whatsapp-bridge:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aReadIsRetriedThreeTimesOnAServerError() {
        answer(200, "application/json", "{\"certificates\":[{\"id\":\"c1\",\"status\":\"ANCHORED\"}]}");
        failuresLeft.set(3);
        assertThat(client.certificates("919876543210")).extracting(IssuerClient.Certificate::id).containsExactly("c1");
        assertThat(seen).hasSize(4);

        seen.clear();
        failuresLeft.set(10);
        assertThatThrownBy(() -> client.certificates("919876543210")).isInstanceOf(IssuerException.class)
                .hasMessageContaining("503");
        assertThat(seen).as("the first try and three retries").hasSize(4);
    }

    @Test
    void aSubmissionIsSentOnceWithItsCorrelationId() {
        answer(201, "application/json", "{\"id\":\"a9\",\"status\":\"SUBMITTED\",\"serviceLevelDue\":\"2026-12-05\"}");
        IssuerClient.Submitted submitted = client.submit(new IssuerClient.Submission("REV-INCOME", "919876543210",
                "te", Map.of("nm", "Ramesh"), "wamid.1", "c0ffee00-0000-4000-8000-000000000001"));
        assertThat(submitted.id()).isEqualTo("a9");
        assertThat(submitted.serviceLevelDue()).isEqualTo("2026-12-05");
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).getRequestHeaders().getFirst("X-Correlation-Id"))
                .isEqualTo("c0ffee00-0000-4000-8000-000000000001");

        seen.clear();
        failuresLeft.set(1);
        assertThatThrownBy(() -> client.submit(new IssuerClient.Submission("REV-INCOME", "919876543210", "te",
                Map.of(), "wamid.2", null))).isInstanceOf(IssuerException.class).hasMessageContaining("503");
        assertThat(seen).as("a write is never repeated blindly").hasSize(1);
    }

    @Test
    void refusedFieldsAreReadFromProblemDetails() {
        answer(422, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Unprocessable\",\"status\":422,"
                + "\"detail\":\"some fields are not valid\",\"code\":\"invalid-fields\",\"errors\":[{\"field\":\"nm\","
                + "\"code\":\"BAD_NAME\",\"reason\":\"A name may contain letters...\"}]}");
        assertThatThrownBy(() -> client.submit(submission())).isInstanceOfSatisfying(IssuerClient.Rejected.class,
                r -> assertThat(r.errors()).containsExactly(
                        new IssuerClient.FieldError("nm", "BAD_NAME", "A name may contain letters...")));
    }

    @Test
    void refusedFieldsAreReadFromTheOlderErrorBody() {
        answer(422, "application/json", "{\"error\":\"INVALID_FIELDS\",\"message\":\"some fields are not valid\","
                + "\"errors\":[{\"field\":\"ah\",\"code\":\"AADHAAR_CHECK_DIGIT\",\"reason\":\"check it\"}]}");
        assertThatThrownBy(() -> client.submit(submission())).isInstanceOfSatisfying(IssuerClient.Rejected.class,
                r -> assertThat(r.errors()).containsExactly(
                        new IssuerClient.FieldError("ah", "AADHAAR_CHECK_DIGIT", "check it")));
    }

    @Test
    void otherRefusalsNameTheirCodeInEitherShape() {
        answer(409, "application/problem+json", "{\"status\":409,\"detail\":\"names another service\","
                + "\"code\":\"conflict\"}");
        assertThatThrownBy(() -> client.submit(submission())).isInstanceOf(IssuerException.class)
                .isNotInstanceOf(IssuerClient.Rejected.class).hasMessageContaining("409")
                .hasMessageContaining("conflict (names another service)");
        answer(400, "application/json", "{\"error\":\"BAD_REQUEST\",\"message\":\"unknown service\"}");
        assertThatThrownBy(() -> client.submit(submission())).hasMessageContaining("BAD_REQUEST (unknown service)");
        answer(502, "text/html", "<html>bad gateway</html>");
        assertThatThrownBy(() -> client.submit(submission())).isInstanceOf(IssuerException.class)
                .hasMessageContaining("502").hasMessageContaining("no code");
    }

    /**
     * A certificate approved moments ago has no PDF yet (the issuer renders it after the approval): 409 pdf-pending.
     * The client fails the fetch with an IssuerException, which the outbound sender retries with its backoff, as
     * any failed fetch; the notice of a new certificate is not even queued before its PDF exists.
     */
    @Test
    void aPdfStillBeingPreparedFailsTheFetchForALaterRetry() {
        answer(409, "application/problem+json", "{\"type\":\"urn:pramaan:problem:pdf-pending\",\"status\":409,"
                + "\"code\":\"pdf-pending\",\"detail\":\"the PDF of certificate c1 is being prepared\"}");
        assertThatThrownBy(() -> client.pdf("/api/v1/certificates/c1/pdf")).isInstanceOf(IssuerException.class)
                .hasMessageContaining("409");
        answer(200, "application/pdf", "%PDF-1.7");
        assertThat(new String(client.pdf("/api/v1/certificates/c1/pdf"), StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-1.7");
    }

    @Test
    void anAnswerOverTheCapIsRefused() {
        answer(200, "application/pdf", "x".repeat((int) IssuerHttp.MAX_ANSWER_BYTES + 1));
        assertThatThrownBy(() -> client.pdf("/api/v1/certificates/c1/pdf")).isInstanceOf(IssuerException.class);
        answer(200, "application/pdf", "%PDF-1.7");
        assertThat(new String(client.pdf("/api/v1/certificates/c1/pdf"), StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-1.7");
    }

    @Test
    void aPdfIsReadFromTheBridgesOwnIssuerWhateverHostTheNoticeNames() {
        answer(200, "application/pdf", "%PDF-1.7");
        seen.clear();
        byte[] pdf = client.pdf("http://issuer-instance-gone.example:8081/api/v1/certificates/REV-INC-1/pdf");
        assertThat(new String(pdf, StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.7");
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).getRequestURI().getPath()).isEqualTo("/api/v1/certificates/REV-INC-1/pdf");
        assertThatThrownBy(() -> client.pdf("http://anywhere.example/steal")).isInstanceOf(IssuerException.class)
                .hasMessageContaining("not a certificate PDF address");
    }

    private static IssuerClient.Submission submission() {
        return new IssuerClient.Submission("REV-INCOME", "919876543210", "en", Map.of("nm", "-Ramesh"), "wamid.3",
                null);
    }
}
