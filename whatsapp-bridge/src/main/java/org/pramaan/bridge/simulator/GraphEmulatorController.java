package org.pramaan.bridge.simulator;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.pramaan.bridge.config.SimulatorSwitch;
import org.pramaan.bridge.config.WhatsAppProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** The Graph API routes the bridge calls, answered by {@link GraphEmulator} with Meta's shapes and error codes. */
// Scanned like any controller, so it needs the same switch as SimulatorConfiguration.
@Conditional(SimulatorSwitch.class)
@RestController
@RequestMapping("/simulator/graph")
public class GraphEmulatorController {

    private final GraphEmulator emulator;
    private final WhatsAppProperties properties;

    public GraphEmulatorController(GraphEmulator emulator, WhatsAppProperties properties) {
        this.emulator = emulator;
        this.properties = properties;
    }

    @PostMapping(value = "/{phoneNumberId}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Object> messages(@PathVariable String phoneNumberId, @RequestBody JsonNode body,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        ResponseEntity<Object> refused = refuse(phoneNumberId, authorization);
        if (refused != null) {
            return refused;
        }
        Object result = emulator.accept(phoneNumberId, body);
        if (result instanceof GraphEmulator.InjectedError e) {
            return error(e.httpStatus(), e.code(), e.message());
        }
        if ("".equals(result)) {
            return ResponseEntity.ok(Map.of("success", true));
        }
        String to = body.path("to").asString("");
        return ResponseEntity.ok(Map.of("messaging_product", "whatsapp",
                "contacts", java.util.List.of(Map.of("input", to, "wa_id", to)),
                "messages", java.util.List.of(Map.of("id", result))));
    }

    @PostMapping(value = "/{phoneNumberId}/media", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Object> upload(@PathVariable String phoneNumberId, @RequestParam("file") MultipartFile file,
            @RequestParam(name = "messaging_product", required = false) String product,
            @RequestHeader(name = "Authorization", required = false) String authorization) throws IOException {
        ResponseEntity<Object> refused = refuse(phoneNumberId, authorization);
        if (refused != null) {
            return refused;
        }
        if (!"whatsapp".equals(product)) {
            return error(400, 100, "(#100) The parameter messaging_product is required.");
        }
        String id = emulator.store(file.getBytes(), file.getContentType(), file.getOriginalFilename());
        return ResponseEntity.ok(Map.of("id", id));
    }

    @GetMapping(value = "/{mediaId:[0-9]+}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Object> mediaInfo(@PathVariable String mediaId,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        if (!authorized(authorization)) {
            return error(401, 190, "Invalid OAuth access token.");
        }
        return emulator.media(mediaId).<ResponseEntity<Object>>map(m -> ResponseEntity.ok(Map.of(
                "messaging_product", "whatsapp", "id", m.id(), "mime_type", m.mimeType(),
                "sha256", sha256(m.bytes()), "file_size", emulator.reportedSize(m.id(), m.bytes().length),
                "url", ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/simulator/graph/download/" + m.id()).toUriString() + "?"
                        + emulator.signedUrlQuery(m.id()))))
                .orElseGet(() -> error(404, 100, "Unsupported get request. Object with ID '" + mediaId
                        + "' does not exist."));
    }

    @GetMapping("/download/{mediaId}")
    public ResponseEntity<byte[]> download(@PathVariable String mediaId,
            @RequestParam(defaultValue = "0") long expires, @RequestParam(required = false) String signature,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        if (!authorized(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (!emulator.urlValid(mediaId, expires, signature)) {
            // Meta's media URLs expire after 5 minutes; a spent one is not found.
            return ResponseEntity.notFound().build();
        }
        return emulator.media(mediaId).map(m -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(m.mimeType())).body(m.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private ResponseEntity<Object> refuse(String phoneNumberId, String authorization) {
        if (!authorized(authorization)) {
            return error(401, 190, "Invalid OAuth access token.");
        }
        if (!phoneNumberId.equals(properties.phoneNumberId())) {
            return error(400, 100, "Unsupported post request. Object with ID '" + phoneNumberId + "' does not exist.");
        }
        return null;
    }

    private boolean authorized(String authorization) {
        return authorization != null && authorization.equals("Bearer " + properties.accessToken());
    }

    private static ResponseEntity<Object> error(int status, int code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", Map.of(
                "message", message, "type", "OAuthException", "code", code,
                "error_data", Map.of("details", message), "fbtrace_id", "SIMULATOR")));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
