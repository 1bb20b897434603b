package org.pramaan.issuer.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
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
 * CPU time per operation in milliseconds, two ways: {@value #WORKER}, the benchmark threads' own (the
 * certificate's work: rendering, signing, the JDBC and S3 client calls), and {@value #PROCESS}, the whole
 * benchmark process's (adds the garbage collector and the JIT compiler, which on a busy machine is still
 * compiling long after JMH's warm-up). Unlike throughput, CPU time per certificate moves little when
 * other work shares the cores, so ratios of it hold on a busy machine. PostgreSQL and the S3 proxy run in
 * processes of their own and are not counted.
 */
public final class ProcessCpuProfiler implements InternalProfiler {

    /** The benchmark threads' CPU per operation: the label of the secondary result in JMH's output. */
    static final String WORKER = "worker.cpu.ms/op";
    /** The whole process's CPU per operation. */
    static final String PROCESS = "process.cpu.ms/op";

    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long startNanos;
    private long startWorkerNanos;

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startWorkerNanos = workerCpuNanos();
        startNanos = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long used = os.getProcessCpuTime() - startNanos;
        long worker = workerCpuNanos() - startWorkerNanos;
        long ops = Math.max(1, result.getMetadata().getAllOps());
        return List.of(new ScalarResult(WORKER, worker / 1e6 / ops, "ms/op", AggregationPolicy.AVG),
                new ScalarResult(PROCESS, used / 1e6 / ops, "ms/op", AggregationPolicy.AVG));
    }

    /** CPU time of JMH's benchmark threads ("...-jmh-worker-N"), which live through all iterations of a fork. */
    private long workerCpuNanos() {
        long total = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().contains("jmh-worker")) {
                long nanos = threads.getThreadCpuTime(thread.getThreadId());
                total += Math.max(0, nanos);
            }
        }
        return total;
    }
}
