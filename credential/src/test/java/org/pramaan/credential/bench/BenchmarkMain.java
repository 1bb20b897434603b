package org.pramaan.credential.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link CredentialBenchmark} and prints each credential operation as a ratio of its raw
 * ECDSA baseline from the same run. Run with {@code ./pramaan bench}.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Options options = new OptionsBuilder()
                .include(CredentialBenchmark.class.getName())
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(5).measurementTime(TimeValue.seconds(seconds))
                .threads(1)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, double[]> score = new HashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            score.put(name, new double[] {result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError()});
        }
        System.out.println();
        System.out.println("operation          ops/s (99.9% error)        ratio to baseline");
        row(score, "rawSign", null);
        row(score, "signAndEncode", "rawSign");
        row(score, "rawVerify", null);
        row(score, "decodeAndVerify", "rawVerify");
        double ratio = score.get("decodeAndVerify")[0] / score.get("rawVerify")[0];
        System.out.printf("%ndecode+verify runs at %.0f%% of raw verify (goal: 80%% or more)%n", ratio * 100);
    }

    private static void row(Map<String, double[]> score, String name, String baseline) {
        double[] s = score.get(name);
        String ratio = baseline == null ? "baseline" : String.format("%.2f x %s", s[0] / score.get(baseline)[0], baseline);
        System.out.printf("%-18s %10.0f (+/- %6.0f)      %s%n", name, s[0], s[1], ratio);
    }
}
