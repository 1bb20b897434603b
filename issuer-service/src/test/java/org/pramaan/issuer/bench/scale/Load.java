package org.pramaan.issuer.bench.scale;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Load on loopback, bounded in time and count: a closed loop of {@code clients} each sending its next request
 * when the last is answered (throughput), and an open loop at an offered rate (latency under a steady stream).
 */
final class Load {

    /** One request to send: its URI, headers and body (null for GET). */
    record Call(String uri, Map<String, String> headers, String body) {
    }

    /** What a run got: answers by class, elapsed seconds, and the bodies of the 2xx answers in order of arrival. */
    record Outcome(int ok, int failed, double seconds, List<String> okBodies, String firstFailure) {

        double perSecond() {
            return ok / seconds;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private Load() {
    }

    static HttpResponse<String> send(Call call) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(call.uri())).timeout(Duration.ofSeconds(60));
        call.headers().forEach(b::header);
        if (call.body() == null) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(call.body()));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code clients} loops for {@code duration} (or until {@code limit} calls), call n made by {@code calls}. */
    static Outcome closedLoop(int clients, Duration duration, int limit, IntFunction<Call> calls, boolean keepBodies)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<String> bodies = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<Integer, String> failures = new ConcurrentHashMap<>();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        AtomicLong lastAnswer = new AtomicLong(start);
        List<Future<?>> loops = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            loops.add(pool.submit(() -> {
                int n;
                while (System.nanoTime() < end && (n = next.getAndIncrement()) < limit) {
                    record(send(calls.apply(n)), ok, failed, bodies, failures, keepBodies);
                    lastAnswer.set(System.nanoTime());
                }
                return null;
            }));
        }
        for (Future<?> loop : loops) {
            loop.get();
        }
        pool.shutdown();
        double seconds = (lastAnswer.get() - start) / 1e9;
        return new Outcome(ok.get(), failed.get(), seconds, List.copyOf(bodies), failures.values().stream().findFirst()
                .orElse(null));
    }

    /**
     * {@code total} calls offered at {@code perSecond}, each at its due time whatever the earlier ones do; each call's
     * start and the arrival of its answer (wall clock, milliseconds) are kept by call number.
     */
    static Outcome openLoop(int perSecond, int total, IntFunction<Call> calls, Map<Integer, Long> sentAtMillis,
                            Map<Integer, Long> answeredAtMillis, Map<Integer, String> answers) throws Exception {
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<String> bodies = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<Integer, String> failures = new ConcurrentHashMap<>();
        // A thread per call in flight: a second's worth, so a slow answer never delays the next call's start.
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(Math.max(16, perSecond));
        List<Future<?>> sent = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            int n = i;
            long due = TimeUnit.SECONDS.toNanos(1) * i / perSecond;
            sent.add(pool.schedule(() -> {
                sentAtMillis.put(n, System.currentTimeMillis());
                HttpResponse<String> answer = send(calls.apply(n));
                answeredAtMillis.put(n, System.currentTimeMillis());
                record(answer, ok, failed, bodies, failures, true);
                if (answer.statusCode() / 100 == 2) {
                    answers.put(n, answer.body());
                }
                return null;
            }, due, TimeUnit.NANOSECONDS));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdown();
        return new Outcome(ok.get(), failed.get(), (System.nanoTime() - start) / 1e9, List.copyOf(bodies),
                failures.values().stream().findFirst().orElse(null));
    }

    private static void record(HttpResponse<String> answer, AtomicInteger ok, AtomicInteger failed, List<String> bodies,
                               Map<Integer, String> failures, boolean keepBodies) {
        if (answer.statusCode() / 100 == 2) {
            ok.incrementAndGet();
            if (keepBodies) {
                bodies.add(answer.body());
            }
        } else {
            failed.incrementAndGet();
            failures.putIfAbsent(answer.statusCode(), answer.statusCode() + " " + answer.body());
        }
    }
}
