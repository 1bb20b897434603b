package org.pramaan.bridge.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.pramaan.bridge.simulator.WebhookPayloads;
import org.pramaan.bridge.webhook.WebhookSignature;

/**
 * Open-loop webhook load on loopback: signed text notifications at a fixed rate for a bounded count, each latency
 * measured from its scheduled start (so a stalled server cannot hide its queueing). Loopback addresses only.
 */
public final class WebhookLoad {

    /** What happened: which message ids were acknowledged (200), the rate achieved and the latency percentiles. */
    public record Result(int sent, List<String> acknowledged, double acknowledgedPerSecond, double p50Millis,
            double p99Millis, double maxMillis) {
    }

    private static final int CONNECTIONS = 48;

    private WebhookLoad() {
    }

    public static Result run(int port, String appSecret, String phoneNumberId, int perSecond, int count,
            int citizens, String idPrefix) {
        return run(port, appSecret, phoneNumberId, perSecond, java.util.stream.IntStream.range(0, count).boxed().toList(),
                citizens, idPrefix);
    }

    /** Sends the notifications numbered {@code indices} (message id and citizen derive from the number). */
    public static Result run(int port, String appSecret, String phoneNumberId, int perSecond, List<Integer> indices,
            int citizens, String idPrefix) {
        int count = indices.size();
        if (count > 200_000 || perSecond > 20_000) {
            throw new IllegalArgumentException("bounded load only");
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/webhook");
        WebhookSignature signature = new WebhookSignature(appSecret);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        double[] latencies = new double[count];
        Arrays.fill(latencies, Double.NaN);
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        // A bounded set of keep-alive connections, each sending at its scheduled time (open loop): a slow answer
        // delays the following sends, and that delay counts in their latency.
        Thread[] senders = new Thread[Math.min(CONNECTIONS, count)];
        for (int t = 0; t < senders.length; t++) {
            senders[t] = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long scheduled = start + i * interval;
                    long wait = scheduled - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    int n = indices.get(i);
                    String phone = String.valueOf(919_700_000_000L + (n % citizens));
                    String id = "wamid." + idPrefix + "." + n;
                    byte[] body = WebhookPayloads.envelope(phoneNumberId, phone, "Load",
                            WebhookPayloads.text(phone, id, Instant.now(), "hi")).getBytes(StandardCharsets.UTF_8);
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .header("X-Hub-Signature-256", signature.sign(body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    try {
                        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            acknowledged.add(id);
                            latencies[i] = (System.nanoTime() - scheduled) / 1e6;
                        }
                    } catch (java.io.IOException e) {
                        // not acknowledged: the server is down or refused; Meta would retry later
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "webhook-load-" + t);
            senders[t].start();
        }
        for (Thread t : senders) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] ok = Arrays.stream(latencies).filter(d -> !Double.isNaN(d)).sorted().toArray();
        return new Result(count, List.copyOf(acknowledged), ok.length / seconds, percentile(ok, 0.50),
                percentile(ok, 0.99), ok.length == 0 ? Double.NaN : ok[ok.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
