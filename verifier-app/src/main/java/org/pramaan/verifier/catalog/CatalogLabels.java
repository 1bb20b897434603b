package org.pramaan.verifier.catalog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.pramaan.credential.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Field labels, certificate titles and department names from issuer-service's public catalog, so a
 * bank clerk reads "Annual family income (₹): 96000" instead of "ai: 96000".
 *
 * <p>The catalog is fetched in the background, kept in memory and checked again every
 * {@code verifier.catalog.refresh} with {@code If-None-Match}, so an unchanged catalog costs a 304.
 * When the issuer cannot be reached the last good catalog stays in use; before any catalog is known
 * fields are shown by their keys. Labels never decide, delay or fail a verification.
 */
@Component
public class CatalogLabels {

    /** What one check of the issuer's catalog came to. */
    public enum Outcome { UPDATED, NOT_MODIFIED, FAILED }

    private static final Logger LOG = LoggerFactory.getLogger(CatalogLabels.class);

    private final CatalogProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private volatile Known known;
    private volatile Instant nextCheck = Instant.MIN;
    private volatile boolean failing;
    private CompletableFuture<Outcome> running;

    public CatalogLabels(CatalogProperties properties, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, meters.counter("verifier.catalog.checks", "outcome", outcome.name().toLowerCase()));
        }
        Gauge.builder("verifier.catalog.forms", this, labels -> labels.catalog().map(Catalog::formCount).orElse(0))
                .description("certificate types the verifier can label").register(meters);
    }

    /** The catalog as last read, if any has been read. */
    public Optional<Catalog> catalog() {
        Known current = known;
        return current == null ? Optional.empty() : Optional.of(current.catalog());
    }

    /** When the issuer last confirmed the catalog in use (200 or 304). */
    public Optional<Instant> confirmedAt() {
        Known current = known;
        return current == null ? Optional.empty() : Optional.of(current.confirmedAt());
    }

    /** The first check right after start, then a look every few seconds whether one is due. */
    @Scheduled(fixedDelay = 5, initialDelay = 0, timeUnit = TimeUnit.SECONDS)
    void scheduledCheck() {
        checkIfDue();
    }

    /**
     * Checks when due: every {@code refresh} after a good check, every {@code retry} after a failed
     * one; returns the check started, if one was.
     */
    public Optional<CompletableFuture<Outcome>> checkIfDue() {
        return clock.instant().isBefore(nextCheck) ? Optional.empty() : Optional.of(refresh());
    }

    /**
     * Asks the issuer for the catalog now, conditionally when one is known. The answer is awaited off
     * the caller's thread; a check already under way is shared rather than doubled.
     */
    public synchronized CompletableFuture<Outcome> refresh() {
        if (running != null && !running.isDone()) {
            return running;
        }
        Known current = known;
        HttpRequest.Builder request = HttpRequest.newBuilder(properties.catalogUri()).timeout(properties.timeout())
                .header("Accept", "application/json").GET();
        if (current != null && current.etag() != null) {
            request.header("If-None-Match", current.etag());
        }
        running = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> settle(current, response, failure));
        return running;
    }

    /** The certificate's title and fields in {@code language}; the raw keys when the catalog cannot say. */
    public LabelledCertificate label(String department, String type, Map<String, String> fields, Language language) {
        if (fields == null) {
            return new LabelledCertificate(Optional.empty(), List.of());
        }
        try {
            Optional<CertificateForm> form = catalog().flatMap(c -> c.form(department, type));
            return form.map(f -> labelled(f, fields, language)).orElseGet(() -> unlabelled(fields));
        } catch (RuntimeException e) {
            LOG.warn("cannot label a {} certificate of {}; showing its keys: {}", type, department, e.toString());
            return unlabelled(fields);
        }
    }

    /** The department's name in {@code language} as the catalog has it. */
    public Optional<String> departmentName(String department, Language language) {
        return catalog().flatMap(c -> c.departmentNames(department)).flatMap(names -> names.in(language));
    }

    private Outcome settle(Known previous, HttpResponse<byte[]> response, Throwable failure) {
        Instant now = clock.instant();
        Outcome outcome;
        try {
            outcome = failure != null ? failed(cause(failure).toString()) : answer(previous, response, now);
        } catch (RuntimeException e) {
            outcome = failed("unreadable catalog: " + firstLine(e.getMessage()));
        }
        nextCheck = now.plus(outcome == Outcome.FAILED ? shorter(properties.retry(), properties.refresh())
                : properties.refresh());
        outcomes.get(outcome).increment();
        return outcome;
    }

    private Outcome answer(Known previous, HttpResponse<byte[]> response, Instant now) {
        if (response.statusCode() == 304 && previous != null) {
            known = previous.confirmed(now);
            recovered();
            return Outcome.NOT_MODIFIED;
        }
        if (response.statusCode() != 200) {
            return failed("the issuer answered HTTP " + response.statusCode());
        }
        Catalog catalog = Catalog.parse(json.readTree(response.body()));
        known = new Known(catalog, response.headers().firstValue("ETag").orElse(null), now);
        recovered();
        LOG.info("catalog from {}: {} certificate types", properties.catalogUri(), catalog.formCount());
        return Outcome.UPDATED;
    }

    private Outcome failed(String why) {
        // Once per outage at WARN: the issuer being down is worth a line, not one every retry.
        if (!failing) {
            LOG.warn("cannot read the catalog from {} ({}); {}", properties.catalogUri(), why,
                    known == null ? "showing field keys until it can be read" : "keeping the catalog of " + known.confirmedAt());
        } else {
            LOG.debug("catalog still unreadable: {}", why);
        }
        failing = true;
        return Outcome.FAILED;
    }

    private void recovered() {
        if (failing) {
            LOG.info("catalog readable again from {}", properties.catalogUri());
        }
        failing = false;
    }

    private static LabelledCertificate labelled(CertificateForm form, Map<String, String> fields, Language language) {
        List<LabelledField> labelled = new ArrayList<>(fields.size());
        Map<String, String> rest = new TreeMap<>(fields);
        for (CertificateForm.Field field : form.fields()) {
            String value = rest.remove(field.key());
            if (value != null) {
                labelled.add(new LabelledField(field.key(), field.labels().in(language).orElse(field.key()),
                        field.option(value).flatMap(option -> option.in(language)).orElse(value)));
            }
        }
        // A key the form no longer has (an older certificate) is still shown, by its key, after the rest.
        rest.forEach((key, value) -> labelled.add(new LabelledField(key, key, value)));
        return new LabelledCertificate(form.titles().in(language), labelled);
    }

    private static LabelledCertificate unlabelled(Map<String, String> fields) {
        List<LabelledField> raw = new ArrayList<>(fields.size());
        new TreeMap<>(fields).forEach((key, value) -> raw.add(new LabelledField(key, key, value)));
        return new LabelledCertificate(Optional.empty(), raw);
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The catalog in use, its tag and when the issuer last confirmed it. */
    private record Known(Catalog catalog, String etag, Instant confirmedAt) {

        Known confirmed(Instant at) {
            return new Known(catalog, etag, at);
        }
    }
}
