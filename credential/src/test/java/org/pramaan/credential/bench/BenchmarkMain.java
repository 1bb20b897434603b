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
 * Runs {@link CredentialBenchmark} on the native provider and on the JDK's, and prints each credential
 * operation as a ratio of its raw ECDSA baseline on the same provider, and the native provider's
 * credential operations as a ratio of the JDK's, all from the same run. Run with {@code ./pramaan bench}.
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
            name = name.substring(name.lastIndexOf('.') + 1) + "/" + result.getParams().getParam("provider");
            score.put(name, new double[] {result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError()});
        }
        System.out.println();
        System.out.println("operation/provider        ops/s (99.9% error)        ratio to baseline");
        for (String provider : new String[] {"native", "jdk"}) {
            row(score, "rawSign/" + provider, null);
            row(score, "signAndEncode/" + provider, "rawSign/" + provider);
            row(score, "rawVerify/" + provider, null);
            row(score, "decodeAndVerify/" + provider, "rawVerify/" + provider);
        }
        System.out.println();
        goal(score, "decodeAndVerify/native", "rawVerify/native", 0.8);
        goal(score, "decodeAndVerify/native", "decodeAndVerify/jdk", 10);
        goal(score, "signAndEncode/native", "rawSign/native", 0.8);
        goal(score, "signAndEncode/native", "signAndEncode/jdk", 10);
    }

    private static void goal(Map<String, double[]> score, String name, String baseline, double goal) {
        double ratio = score.get(name)[0] / score.get(baseline)[0];
        System.out.printf("%-23s = %6.2f x %-20s (goal >= %.1f: %s)%n", name, ratio, baseline, goal,
                ratio >= goal ? "met" : "not met");
    }

    private static void row(Map<String, double[]> score, String name, String baseline) {
        double[] s = score.get(name);
        String ratio = baseline == null ? "baseline" : String.format("%.2f x %s", s[0] / score.get(baseline)[0], baseline);
        System.out.printf("%-24s %10.0f (+/- %6.0f)      %s%n", name, s[0], s[1], ratio);
    }
}
