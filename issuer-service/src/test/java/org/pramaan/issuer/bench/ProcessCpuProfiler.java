package org.pramaan.issuer.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The benchmark process's CPU time per operation (all its threads: the benchmark's, the garbage
 * collector's, the JIT's), in milliseconds: what one certificate costs the issuer's CPU. Unlike
 * throughput it hardly moves when other work shares the cores, so ratios of it hold on a busy machine.
 * PostgreSQL and the S3 proxy run in processes of their own and are not counted.
 */
public final class ProcessCpuProfiler implements InternalProfiler {

    /** The secondary result's label in JMH's output. */
    static final String LABEL = "cpu.ms/op";

    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long startNanos;

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startNanos = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long used = os.getProcessCpuTime() - startNanos;
        long ops = Math.max(1, result.getMetadata().getAllOps());
        return List.of(new ScalarResult(LABEL, used / 1e6 / ops, "ms/op", AggregationPolicy.AVG));
    }
}
