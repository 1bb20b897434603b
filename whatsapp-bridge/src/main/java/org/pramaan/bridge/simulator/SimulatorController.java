package org.pramaan.bridge.simulator;

import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.RefusalException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pramaan.bridge.config.SimulatorSwitch;
import org.pramaan.bridge.config.WhatsAppProperties;
import org.pramaan.bridge.webhook.WebhookSignature;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.view.RedirectView;
import tools.jackson.databind.node.ObjectNode;

/**
 * The phone side of the simulator: the page at /simulator shows what the bridge sent through the Graph API stand-in
 * and turns what the person types or taps into signed webhook notifications posted to this bridge.
 */
// Scanned like any controller, so it needs the same switch as SimulatorConfiguration.
@Conditional(SimulatorSwitch.class)
@RestController
public class SimulatorController {

    private final GraphEmulator emulator;
    private final WhatsAppProperties properties;
    private final Environment environment;
    private final Clock clock;
    private final HttpClient http = HttpClient.newHttpClient();

    public SimulatorController(GraphEmulator emulator, WhatsAppProperties properties, Environment environment,
            Clock clock) {
        this.emulator = emulator;
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
    }

    /** What the person sends: text, or a tapped button / list row. */
    public record Outgoing(String phone, String name, String text, String replyId, String replyTitle, String kind) {
    }

    @GetMapping("/simulator")
    public RedirectView page() {
        return new RedirectView("/simulator/index.html");
    }

    @GetMapping(value = "/simulator/api/chat", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> chat(@RequestParam String phone, @RequestParam(defaultValue = "0") long after) {
        List<Map<String, Object>> messages = emulator.sentTo(phone, after).stream()
                .map(s -> Map.<String, Object>of("seq", s.seq(), "wamid", s.wamid(), "body", s.body())).toList();
        return Map.of("messages", messages, "typing", emulator.readReceipts().size());
    }

    @PostMapping(value = "/simulator/api/send", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> send(@RequestBody Outgoing outgoing) throws IOException, InterruptedException {
        if (outgoing.phone() == null || !outgoing.phone().matches("[0-9]{8,15}")) {
            throw new RefusalException(ProblemCode.BAD_REQUEST, "phone must be 8 to 15 digits");
        }
        String id = "wamid.SIMIN" + UUID.randomUUID().toString().replace("-", "");
        ObjectNode message;
        if (outgoing.replyId() != null) {
            String kind = "button_reply".equals(outgoing.kind()) ? "button_reply" : "list_reply";
            message = WebhookPayloads.reply(outgoing.phone(), id, clock.instant(), kind, outgoing.replyId(),
                    outgoing.replyTitle() == null ? outgoing.replyId() : outgoing.replyTitle());
        } else if (outgoing.text() != null && !outgoing.text().isBlank()) {
            message = WebhookPayloads.text(outgoing.phone(), id, clock.instant(), outgoing.text());
        } else {
            throw new RefusalException(ProblemCode.BAD_REQUEST, "text or replyId is required");
        }
        return post(outgoing.phone(), outgoing.name(), message, id);
    }

    @PostMapping(value = "/simulator/api/photo", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> photo(@RequestParam String phone,
            @RequestParam(required = false) String name, @RequestParam("file") MultipartFile file)
            throws IOException, InterruptedException {
        String mime = file.getContentType() == null ? "application/octet-stream" : file.getContentType();
        String type = mime.startsWith("image/") ? "image" : "document";
        String mediaId = emulator.store(file.getBytes(), mime, file.getOriginalFilename());
        String id = "wamid.SIMIN" + UUID.randomUUID().toString().replace("-", "");
        return post(phone, name, WebhookPayloads.media(phone, id, clock.instant(), type, mediaId, mime,
                file.getOriginalFilename()), id);
    }

    /** Lets a document bubble open the PDF the bridge uploaded. */
    @GetMapping("/simulator/api/media/{mediaId}")
    public ResponseEntity<byte[]> media(@PathVariable String mediaId) {
        return emulator.media(mediaId).map(m -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(m.mimeType() == null ? "application/octet-stream" : m.mimeType()))
                .body(m.bytes())).orElseGet(() -> ResponseEntity.notFound().build());
    }

    private ResponseEntity<Map<String, Object>> post(String phone, String name, ObjectNode message, String id)
            throws IOException, InterruptedException {
        byte[] body = WebhookPayloads.envelope(properties.phoneNumberId(), phone, name, message)
                .getBytes(StandardCharsets.UTF_8);
        String port = environment.getProperty("local.server.port");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/webhook")).header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", new WebhookSignature(properties.appSecret()).sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        return ResponseEntity.status(response.statusCode() == 200 ? 200 : 502)
                .body(Map.of("id", id, "webhookStatus", response.statusCode()));
    }
}
