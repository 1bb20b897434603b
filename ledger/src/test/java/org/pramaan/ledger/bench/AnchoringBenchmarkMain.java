package org.pramaan.ledger.bench;

import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link AnchoringBenchmark} and prints certificates per second per batch size, against batch size 1. */
public final class AnchoringBenchmarkMain {

    private AnchoringBenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Map<Integer, Double> millisPerBatch = new TreeMap<>();
        for (RunResult result : new Runner(new OptionsBuilder()
                .include(AnchoringBenchmark.class.getName())
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(3).measurementTime(TimeValue.seconds(seconds))
                .build()).run()) {
            millisPerBatch.put(Integer.parseInt(result.getParams().getParam("batchSize")), result.getPrimaryResult().getScore());
        }
        double single = 1000.0 / millisPerBatch.get(1);
        System.out.println();
        System.out.println("batch   ms to commit   certificates/s   x batch of 1");
        millisPerBatch.forEach((size, millis) -> {
            double perSecond = size * 1000.0 / millis;
            System.out.printf("%5d   %12.1f   %14.0f   %12.1f%n", size, millis, perSecond, perSecond / single);
        });
    }
}
