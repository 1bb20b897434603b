package org.pramaan.bridge.webhook;

import org.pramaan.bridge.pace.IngestPressure;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.RefusalException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.pramaan.bridge.config.WhatsAppProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * Meta's webhook. The POST stores what it received and answers at once; {@link InboxWorker} does the work, so
 * acknowledgement stays fast however slow a conversation step is. Refusals are problem answers (Meta reads only the
 * status).
 */
@RestController
public class WebhookController {

    /** Meta's documented payload ceiling. */
    public static final int MAX_BODY_BYTES = 3 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WhatsAppProperties whatsApp;
    private final WebhookSignature signature;
    private final NotificationParser parser;
    private final Inbox inbox;
    private final InboxWorker worker;
    private final Clock clock;
    private final Counter rejected;
    private final Counter stored;
    private final IngestPressure pressure;
    private final DeadLetters deadLetters;

    public WebhookController(WhatsAppProperties whatsApp, ObjectMapper json, Inbox inbox, InboxWorker worker,
            Clock clock, MeterRegistry meters, IngestPressure pressure, DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.pressure = pressure;
        this.whatsApp = whatsApp;
        this.signature = new WebhookSignature(whatsApp.appSecret());
        this.parser = new NotificationParser(json);
        this.inbox = inbox;
        this.worker = worker;
        this.clock = clock;
        this.rejected = meters.counter("bridge.webhook.rejected");
        this.stored = meters.counter("bridge.webhook.events.stored");
    }

    @GetMapping(value = "/webhook", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> handshake(@RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if ("subscribe".equals(mode) && token != null && token.equals(whatsApp.verifyToken()) && challenge != null) {
            return ResponseEntity.ok(challenge);
        }
        throw new RefusalException(ProblemCode.FORBIDDEN, "verification token mismatch");
    }

    @PostMapping(value = "/webhook", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
        pressure.enter();
        try {
            return store(request);
        } finally {
            pressure.exit();
        }
    }

    private ResponseEntity<String> store(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            rejected.increment();
            throw new RefusalException(ProblemCode.TOO_LARGE, "payload over 3 MB");
        }
        byte[] body = readAtMost(request.getInputStream(), MAX_BODY_BYTES);
        if (body == null) {
            rejected.increment();
            throw new RefusalException(ProblemCode.TOO_LARGE, "payload over 3 MB");
        }
        if (!signature.matches(body, request.getHeader("X-Hub-Signature-256"))) {
            rejected.increment();
            log.warn("Webhook POST with a missing or wrong X-Hub-Signature-256 from {}", request.getRemoteAddr());
            throw new RefusalException(ProblemCode.INVALID_SIGNATURE, "invalid signature");
        }
        NotificationParser.Notification notification;
        try {
            notification = parser.read(body, clock.instant());
        } catch (NotificationParser.MalformedNotificationException e) {
            rejected.increment();
            throw new RefusalException(ProblemCode.INVALID_NOTIFICATION, e.getMessage());
        }
        // Signed and readable: acknowledged whatever its items hold. What cannot be stored is kept aside.
        Inbox.Stored result = inbox.storeEach(notification.events());
        deadLetters.keep(notification.setAside());
        deadLetters.keep(result.refused());
        int fresh = result.fresh();
        stored.increment(fresh);
        if (fresh > 0) {
            worker.wake();
        }
        return ResponseEntity.ok("EVENT_RECEIVED");
    }

    /** The body, or null when it is longer than {@code limit} (chunked requests carry no length). */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }
}
