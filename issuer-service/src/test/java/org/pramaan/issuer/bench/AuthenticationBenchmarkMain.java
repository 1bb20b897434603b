package org.pramaan.issuer.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link AuthenticationBenchmark} and {@link IssuanceBenchmark#issuancePipeline()} in one run and prints, per
 * way of signing in, the authentications per second, the ratio to an officer's HTTP Basic checked with BCrypt (the
 * baseline: every officer API request before, one sign-in at the token door now), the API's refusal of an officer's
 * Basic (no BCrypt) and
 * the approvals per second one core could do when each approval costs one authentication plus the issuance
 * pipeline (claims, signature, PDF, store). Argument: seconds per measurement iteration (default 3).
 */
public final class AuthenticationBenchmarkMain {

    private AuthenticationBenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Options options = new OptionsBuilder()
                .include(AuthenticationBenchmark.class.getSimpleName())
                .include(IssuanceBenchmark.class.getSimpleName() + "\\.issuancePipeline$")
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(5).measurementTime(TimeValue.seconds(seconds))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double basic = score(results, "officerHttpBasic");
        double token = score(results, "officerToken");
        double key = score(results, "departmentKey");
        double refused = score(results, "officerBasicRefused");
        double issue = score(results, "issuancePipeline");
        System.out.printf("%n%-32s %14s %12s %14s %16s%n", "way of signing in", "auth/s", "ms/auth",
                "x Basic", "approvals/s/core");
        row("officer Basic, BCrypt (baseline)", basic, basic, issue);
        row("officer token (JWT)", token, basic, issue);
        row("department key (SHA-256)", key, basic, issue);
        System.out.printf("%-32s %14.1f %12.4f %14.1f %16s%n", "officer Basic on API (refused)", refused,
                1000 / refused, refused / basic, "-");
        System.out.printf("issuance pipeline alone: %.1f/s (%.2f ms)%n", issue, 1000 / issue);
        System.out.printf("token / key = %.2f (goal: about 1); key approvals / Basic approvals = %.2f%n",
                token / key, approvals(key, issue) / approvals(basic, issue));
        System.out.printf("error (99.9%%): %s, %s, %s, %s, %s%n", spread(results, "officerHttpBasic"),
                spread(results, "officerToken"), spread(results, "departmentKey"), spread(results, "officerBasicRefused"),
                spread(results, "issuancePipeline"));
    }

    private static void row(String name, double perSecond, double baseline, double issue) {
        System.out.printf("%-32s %14.1f %12.4f %14.1f %16.1f%n", name, perSecond, 1000 / perSecond,
                perSecond / baseline, approvals(perSecond, issue));
    }

    /** The score's relative error (99.9%), so a run on a busy machine says how far to trust it. */
    private static String spread(Collection<RunResult> results, String benchmark) {
        var r = results.stream().filter(x -> x.getParams().getBenchmark().endsWith("." + benchmark))
                .findFirst().orElseThrow().getPrimaryResult();
        return String.format("%s +-%.0f%%", benchmark, 100 * r.getScoreError() / r.getScore());
    }

    /** One core: an approval is one authentication and one issuance, one after the other. */
    private static double approvals(double authPerSecond, double issuePerSecond) {
        return 1 / (1 / authPerSecond + 1 / issuePerSecond);
    }

    private static double score(Collection<RunResult> results, String benchmark) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark))
                .findFirst().orElseThrow().getPrimaryResult().getScore();
    }
}
