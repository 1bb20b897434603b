package org.pramaan.bridge.journey;

import static org.pramaan.bridge.journey.SoakRequests.endlessJson;
import static org.pramaan.bridge.journey.SoakRequests.json;
import static org.pramaan.bridge.journey.SoakRequests.sign;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.pramaan.bridge.simulator.WebhookPayloads;
import tools.jackson.databind.JsonNode;

/**
 * The soak's requests, one method per kind, each recording its answer in the {@link Tally} against the answers that
 * kind may get. Valid: citizens' signed webhook messages, the bridge's application submissions, an officer's
 * approvals (and the certificate read that follows), banks' verifications of issued QR codes. Hostile: bad
 * signatures, malformed JSON, bodies over each service's cap (declared and chunked), wrong passwords and keys,
 * control characters, a zlib bomb in a QR and an image over the verifier's pixel budget. What each valid request
 * created is kept for the exactly-once checks afterwards.
 */
final class SoakTraffic {

    static final String SERVICE = "REV-INCOME";
    static final String WAMID_PREFIX = "wamid.SOAK";
    static final String HOSTILE_WAMID_PREFIX = "wamid.HOSTILE";
    static final String REFERENCE_PREFIX = "soak-";
    static final String HOSTILE_REFERENCE_PREFIX = "hostile-";
    /** Below the issuer's 50 failures per address per window: the valid sign-ins share 127.0.0.1 with the attacker. */
    private static final int WRONG_PASSWORDS = 30;
    private static final int CITIZENS = 200;
    private static final List<String> WORDS = List.of("hi", "menu", "help", "status", "నమస్తే", "नमस्ते", "thanks");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Platform platform;
    private volatile Tally tally;
    private final OfficerSignIn officer;
    private final String bridgeClient;
    private final String verifierKey;
    private final String department;
    private final Map<String, Object> fields;
    private final List<String> citizens = new ArrayList<>();
    private final byte[] zlibBombQr;
    private final byte[] hugeImage;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger wrongPasswords = new AtomicInteger();

    final Set<String> acknowledgedWamids = ConcurrentHashMap.newKeySet();
    final Set<String> submittedReferences = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> awaitingApproval = new ConcurrentLinkedQueue<>();
    /** Approved application id to the certificate id the approval answered with. */
    final Map<String, String> certificates = new ConcurrentHashMap<>();
    private final List<String> qrTexts = new CopyOnWriteArrayList<>();

    SoakTraffic(Platform platform, Tally tally) throws IOException {
        this.platform = platform;
        this.tally = tally;
        JsonNode form = serviceForm(JsonHttp.get(platform.issuer.baseUrl() + "/api/v1/catalog", 200));
        this.department = form.path("department").asString();
        this.fields = new LinkedHashMap<>();
        form.path("service").path("certificate").path("fields").valueStream()
                .forEach(f -> fields.put(f.path("key").asString(), f.path("example").asString()));
        Map<String, String> devEnv = platform.devEnv();
        this.officer = new OfficerSignIn(platform.issuer.baseUrl(), devEnv.get("ISSUER_OFFICER_" + department + "_USER"),
                devEnv.get("ISSUER_OFFICER_" + department + "_PASSWORD"));
        this.bridgeClient = JsonHttp.basic(platform.secrets.get("ISSUER_BRIDGE_CLIENT_ID"),
                platform.secrets.get("ISSUER_BRIDGE_CLIENT_SECRET"));
        this.verifierKey = platform.secrets.get("VERIFIER_API_KEY_BRIDGE");
        long first = ThreadLocalRandom.current().nextLong(10_000_000L, 90_000_000L);
        for (int i = 0; i < CITIZENS; i++) {
            citizens.add("9198" + (first + i));
        }
        this.zlibBombQr = JsonHttp.JSON.writeValueAsBytes(Map.of("qr",
                SoakRequests.zlibBomb(platform.verifier.baseUrl())));
        this.hugeImage = SoakRequests.hugePng();
    }

    /** Where answers are counted from now on (the warm-up's apart from the soak's). */
    void countInto(Tally next) {
        this.tally = next;
    }

    void shed() {
        tally.shed();
    }

    /** Each citizen's first message, one after the other: their 24-hour window is open for what follows. */
    void everyCitizenSaysHello() {
        for (String phone : citizens) {
            String wamid = WAMID_PREFIX + sequence.incrementAndGet();
            byte[] body = envelope(phone, wamid, "hi");
            if (send("webhook message", Set.of(200), webhook(body, sign(body, appSecret()))) == 200) {
                acknowledgedWamids.add(wamid);
            }
        }
    }

    // ---- valid ----

    void citizenWrites() {
        String wamid = WAMID_PREFIX + sequence.incrementAndGet();
        String phone = citizens.get(ThreadLocalRandom.current().nextInt(citizens.size()));
        byte[] body = envelope(phone, wamid, WORDS.get(ThreadLocalRandom.current().nextInt(WORDS.size())));
        int status = send("webhook message", Set.of(200), webhook(body, sign(body, appSecret())));
        if (status == 200) {
            acknowledgedWamids.add(wamid);
        }
    }

    void bridgeSubmitsApplication() {
        String reference = REFERENCE_PREFIX + sequence.incrementAndGet();
        String phone = citizens.get(ThreadLocalRandom.current().nextInt(citizens.size()));
        HttpResponse<String> answer = exchange("application", Set.of(201), json(issuer("/api/v1/applications"),
                Map.of("serviceCode", SERVICE, "language", "en", "phoneNumber", phone,
                        "channelReference", reference, "fields", fields), "Authorization", bridgeClient));
        if (answer != null && answer.statusCode() == 201) {
            submittedReferences.add(reference);
            awaitingApproval.add(JsonHttp.JSON.readTree(answer.body()).path("id").asString());
        }
    }

    /** The officer approves the oldest submitted application, then reads the certificate for its QR text. */
    void officerApproves() {
        String id = awaitingApproval.poll();
        if (id == null) {
            citizenWrites(); // nothing to approve yet: the slot goes to a citizen instead
            return;
        }
        HttpResponse<String> answer = exchange("approval", Set.of(200),
                json(issuer("/api/v1/applications/" + id + "/approve"), Map.of(), "Authorization", officer.authorization()));
        if (answer == null || answer.statusCode() != 200) {
            return;
        }
        String certificateId = JsonHttp.JSON.readTree(answer.body()).path("certificateId").asString();
        certificates.put(id, certificateId);
        HttpResponse<String> certificate = exchange("certificate read", Set.of(200), HttpRequest.newBuilder(
                issuer("/api/v1/certificates/" + certificateId)).header("Authorization", officer.authorization()).GET());
        if (certificate != null && certificate.statusCode() == 200) {
            qrTexts.add(JsonHttp.JSON.readTree(certificate.body()).path("qrText").asString());
        }
    }

    /** A bank with the bridge's API key checks an issued QR; before any exists, a citizen writes instead. */
    void bankVerifies(boolean anonymous) {
        if (qrTexts.isEmpty()) {
            citizenWrites();
            return;
        }
        String qr = qrTexts.get(ThreadLocalRandom.current().nextInt(qrTexts.size()));
        HttpRequest.Builder request = json(verifier("/api/v1/verify"), Map.of("qr", qr));
        if (anonymous) {
            send("verify (anonymous)", Set.of(200, 429), request);
        } else {
            send("verify (API key)", Set.of(200), request.header("X-Api-Key", verifierKey));
        }
    }

    void anyoneReadsTheCatalog() {
        send("catalog", Set.of(200), HttpRequest.newBuilder(issuer("/api/v1/catalog")).GET());
    }

    // ---- hostile ----

    void webhookWithBadSignature() {
        byte[] body = envelope(citizens.get(0), HOSTILE_WAMID_PREFIX + sequence.incrementAndGet(), "hi");
        send("hostile: webhook bad signature", Set.of(401), webhook(body, sign(body, "not-the-app-secret")));
    }

    void webhookWithMalformedJson() {
        byte[] body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{".getBytes(StandardCharsets.UTF_8);
        send("hostile: webhook bad JSON", Set.of(400), webhook(body, sign(body, appSecret())));
    }

    void webhookOversized(boolean chunked) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.bridge.baseUrl() + "/webhook"))
                .header("Content-Type", "application/json").header("X-Hub-Signature-256", "sha256=00")
                .POST(endlessJson(4 * 1024 * 1024, chunked, "object"));
        send("hostile: webhook " + (chunked ? "chunked " : "") + "4 MB", Set.of(413, Tally.CONNECTION_CLOSED), request);
    }

    void wrongPassword() {
        if (wrongPasswords.incrementAndGet() > WRONG_PASSWORDS) {
            anyoneReadsTheCatalog();
            return;
        }
        // At the token door: the one API address that checks an officer's password (elsewhere it is refused unread).
        send("hostile: issuer wrong password", Set.of(401, 429), HttpRequest.newBuilder(
                issuer("/api/v1/auth/token")).header("Authorization",
                JsonHttp.basic("soak-intruder", "guess-" + sequence.incrementAndGet()))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    void issuerMalformedJson() {
        send("hostile: issuer bad JSON", Set.of(400), HttpRequest.newBuilder(issuer("/api/v1/applications"))
                .header("Content-Type", "application/json").header("Authorization", bridgeClient)
                .POST(HttpRequest.BodyPublishers.ofString("{\"serviceCode\": \"" + SERVICE + "\", \"fields\": {")));
    }

    void issuerControlCharacter() {
        Map<String, Object> poisoned = new LinkedHashMap<>(fields);
        poisoned.put("nm", "Kondapalli\u0000Ramesh");
        send("hostile: issuer NUL in a field", Set.of(422), json(issuer("/api/v1/applications"),
                Map.of("serviceCode", SERVICE, "language", "en", "phoneNumber", citizens.get(1),
                        "channelReference", HOSTILE_REFERENCE_PREFIX + sequence.incrementAndGet(),
                        "fields", poisoned), "Authorization", bridgeClient));
    }

    void issuerChunkedOversized() {
        send("hostile: issuer chunked 2 MB", Set.of(413, Tally.CONNECTION_CLOSED),
                HttpRequest.newBuilder(issuer("/api/v1/applications")).header("Content-Type", "application/json")
                        .header("Authorization", bridgeClient).POST(endlessJson(2 * 1024 * 1024, true, "serviceCode")));
    }

    void verifierMalformedJson() {
        send("hostile: verifier bad JSON", Set.of(400), HttpRequest.newBuilder(verifier("/api/v1/verify"))
                .header("Content-Type", "application/json").header("X-Api-Key", verifierKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"qr\": [")));
    }

    void verifierChunkedOversized() {
        send("hostile: verifier chunked 9 MB", Set.of(413, Tally.CONNECTION_CLOSED),
                HttpRequest.newBuilder(verifier("/api/v1/verify")).header("Content-Type", "application/json")
                        .header("X-Api-Key", verifierKey).POST(endlessJson(9 * 1024 * 1024, true, "qr")));
    }

    void verifierZlibBomb() {
        String kind = "hostile: verifier zlib bomb";
        HttpResponse<String> answer = exchange(kind, Set.of(200, 422), HttpRequest.newBuilder(
                verifier("/api/v1/verify")).header("Content-Type", "application/json").header("X-Api-Key", verifierKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(zlibBombQr)));
        if (answer != null && answer.statusCode() == 200 && !answer.body().contains("\"MALFORMED\"")) {
            tally.wrong(kind, "a bomb must be MALFORMED, was " + answer.body());
        }
    }

    void verifierHugeImage() {
        String boundary = "soak-" + sequence.incrementAndGet();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.png\""
                + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        send("hostile: verifier 72 MP image", Set.of(422), HttpRequest.newBuilder(verifier("/api/v1/verify/image"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-Api-Key", verifierKey)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, hugeImage, tail))));
    }

    void verifierWrongKey() {
        send("hostile: verifier wrong key", Set.of(401), json(verifier("/api/v1/verify"), Map.of("qr", "x"),
                "X-Api-Key", "vk_" + sequence.incrementAndGet() + "NotAKeyAnyoneWasGiven"));
    }

    void deliveryWithWrongToken() {
        send("hostile: delivery wrong token", Set.of(401), json(URI.create(platform.bridge.baseUrl()
                + "/internal/v1/deliveries"), Map.of("deliveryId", "forged", "type", "ISSUED"),
                "Authorization", "Bearer not-the-bridge-token"));
    }

    // ---- plumbing ----

    private int send(String kind, Set<Integer> expected, HttpRequest.Builder request) {
        HttpResponse<String> answer = exchange(kind, expected, request);
        return answer == null ? Tally.CONNECTION_CLOSED : answer.statusCode();
    }

    /** The answer, or null when the server closed the connection (recorded as such). */
    private HttpResponse<String> exchange(String kind, Set<Integer> expected, HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            tally.record(kind, expected, answer.statusCode(), answer.body());
            return answer;
        } catch (IOException e) {
            tally.record(kind, expected, Tally.CONNECTION_CLOSED, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private HttpRequest.Builder webhook(byte[] body, String signature) {
        return HttpRequest.newBuilder(URI.create(platform.bridge.baseUrl() + "/webhook"))
                .header("Content-Type", "application/json").header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private byte[] envelope(String phone, String wamid, String text) {
        return WebhookPayloads.envelope(platform.phoneNumberId, phone, "Soak",
                WebhookPayloads.text(phone, wamid, Instant.now(), text)).getBytes(StandardCharsets.UTF_8);
    }

    private String appSecret() {
        return platform.secrets.get("WHATSAPP_APP_SECRET");
    }

    private URI issuer(String path) {
        return URI.create(platform.issuer.baseUrl() + path);
    }

    private URI verifier(String path) {
        return URI.create(platform.verifier.baseUrl() + path);
    }

    /** The department owning {@link #SERVICE} and the service itself, from the public catalog. */
    private static JsonNode serviceForm(JsonNode catalog) {
        for (JsonNode department : (Iterable<JsonNode>) catalog.path("departments").valueStream()::iterator) {
            for (JsonNode service : (Iterable<JsonNode>) department.path("services").valueStream()::iterator) {
                if (SERVICE.equals(service.path("code").asString(""))) {
                    return JsonHttp.JSON.createObjectNode().put("department", department.path("code").asString())
                            .set("service", service);
                }
            }
        }
        throw new AssertionError("the issuer's catalog has no " + SERVICE + ": " + catalog);
    }
}
