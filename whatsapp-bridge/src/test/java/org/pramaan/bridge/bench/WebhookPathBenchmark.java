package org.pramaan.bridge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.pramaan.bridge.catalog.Catalog;
import org.pramaan.bridge.conversation.Command;
import org.pramaan.bridge.search.ServiceSearch;
import org.pramaan.bridge.simulator.WebhookPayloads;
import org.pramaan.bridge.webhook.InboxEvent;
import org.pramaan.bridge.webhook.NotificationParser;
import org.pramaan.bridge.webhook.WebhookSignature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CPU work of one webhook acknowledgement (signature check + splitting into inbox events) and of one free-text
 * service search (romanised, and English in Telugu letters) and the menu-word check every text passes first,
 * against the bare HMAC as baseline. Run: {@code java -cp <test classpath>
 * org.pramaan.bridge.bench.WebhookPathBenchmark}; prints each result as a multiple of the baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class WebhookPathBenchmark {

    private byte[] body;
    private String header;
    private WebhookSignature signature;
    private NotificationParser parser;
    private ServiceSearch search;

    @Setup
    public void setUp() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        signature = new WebhookSignature("bench-secret");
        parser = new NotificationParser(json);
        body = WebhookPayloads.envelope("100000000000001", "919876543210", "రమేశ్",
                WebhookPayloads.text("919876543210", "wamid.BENCH", Instant.now(), "ఆదాయ ధృవీకరణ పత్రం కావాలి"))
                .getBytes(StandardCharsets.UTF_8);
        header = signature.sign(body);
        try (InputStream in = WebhookPathBenchmark.class.getResourceAsStream("/catalog.json")) {
            search = new ServiceSearch(json.readValue(in, Catalog.class));
        }
    }

    @Benchmark
    public String baselineHmac() {
        return signature.sign(body);
    }

    @Benchmark
    public List<InboxEvent> verifyAndSplit() {
        if (!signature.matches(body, header)) {
            throw new IllegalStateException("signature");
        }
        return parser.parse(body, Instant.EPOCH);
    }

    @Benchmark
    public ServiceSearch.Result searchTransliterated() {
        return search.search("adaya patram kavali", 3);
    }

    /** English in Telugu letters with a zero-width non-joiner: transliterated and sound-coded before the search. */
    @Benchmark
    public ServiceSearch.Result searchScriptEnglish() {
        return search.search("ఇన్‌కమ్ సర్టిఫికెట్ కావాలి", 3);
    }

    /** Every text outside a form is first compared with the menu's words, a letter of leeway for long ones. */
    @Benchmark
    public java.util.Optional<Command> commandCheck() {
        return Command.of("ఆదాయ ధృవీకరణ పత్రం కావాలి");
    }

    public static void main(String[] args) throws RunnerException {
        var results = new Runner(new OptionsBuilder().include(WebhookPathBenchmark.class.getSimpleName())
                .shouldFailOnError(true).build()).run();
        double baseline = results.stream().filter(r -> r.getParams().getBenchmark().endsWith("baselineHmac"))
                .mapToDouble(r -> r.getPrimaryResult().getScore()).findFirst().orElseThrow();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            System.out.printf("%-22s %9.2f us/op  %6.1fx baseline%n", name, r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScore() / baseline);
        }
    }
}
