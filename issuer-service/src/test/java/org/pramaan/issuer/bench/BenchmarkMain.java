package org.pramaan.issuer.bench;

import java.util.ArrayList;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link IssuanceBenchmark} and prints certificates per second for the whole pipeline and for
 * PDF rendering alone, measured in the same run, and their ratio (goal: at least 0.8, and 100/s); and the
 * PDF/A-and-signed pipeline (as issued) against the unsigned one (goal: at least 0.9). Beside each
 * rate, the process's CPU milliseconds per certificate ({@link ProcessCpuProfiler}): on a machine shared with
 * other work the rates move with the load, the CPU cost per certificate hardly does, so the ratios are
 * given both ways, by the benchmark threads' CPU. Arguments: seconds per measurement iteration (default 3), and the
 * seconds of warm-up of the benchmarks the goals compare (default 240). And issuance as production runs it: an
 * approving thread and the rendering worker's real code as a pipeline ({@code IssuanceBenchmark.pipeline}), in
 * certificates finished with their PDF per second, against rendering that PDF (PDF/A-3b, sealed) alone.
 *
 * <p>Those three (rendering alone, the unsigned pipeline, the pipeline as issued) are warmed up for minutes, the
 * others for seconds: on two cores the as-issued pipeline (PDFBox's parser for the seal, Bouncy Castle's CMS, the
 * TSA) was still getting faster after 80 s of warm-up (its CPU per certificate fell from 8.3 to 6.5 ms across the
 * measured iterations) while the unsigned one had settled, so a short warm-up compared a cold pipeline with a warm
 * one. An issuer runs for days; its steady state is what the ratios are about.
 */
public final class BenchmarkMain {

    /** The benchmarks the goals' ratios are made of: warmed up long. */
    private static final String GOALS = "IssuanceBenchmark\\.(renderPlainPdfOnly|issuancePipeline|issuancePipelineArchival"
            + "|renderSealedPdfOnly|pipeline|pipelineUnsigned)$";
    /** The rest, for where the time goes: warmed up briefly. */
    private static final String PARTS = "IssuanceBenchmark\\.(qrOnly|storeOnly|renderPdfOnly|prepareOnly"
            + "|issuancePipelineSigned|approvalBeforePdf|renderingJob)$";

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 240;
        Collection<RunResult> results = new ArrayList<>(run(GOALS, Math.max(1, warmup / 10), 10, 6, 10));
        results.addAll(run(PARTS, 4, seconds, 3, seconds));
        double render = score(results, "renderPdfOnly");
        double plainRender = score(results, "renderPlainPdfOnly");
        double pipeline = score(results, "issuancePipeline");
        double prepare = score(results, "prepareOnly");
        double signed = score(results, "issuancePipelineSigned");
        double archival = score(results, "issuancePipelineArchival");
        System.out.printf("%nsignatures: %s%n", org.pramaan.credential.CryptoProvider.active());
        System.out.printf("PDF rendering alone: %.1f certificates/s (PDF/A-3b); %.1f without PDF/A (%.2f x)%n", render,
                plainRender, render / plainRender);
        System.out.printf("claims, sign and PDF without storing: %.1f certificates/s (%.2f x rendering)%n", prepare,
                prepare / render);
        System.out.printf("issuance pipeline (claims, sign, PDF, store, enqueue), unsigned plain PDF: %.1f certificates/s%n",
                pipeline);
        System.out.printf("pipeline / rendering (both without PDF/A) = %.2f (goal >= 0.80); pipeline goal >= 100/s: %s%n",
                pipeline / plainRender, pipeline >= 100 ? "met" : "not met");
        // Warmed up briefly, like the other parts: a ratio to the long-warmed three would compare cold with warm.
        System.out.printf("issuance with the PDF signed (PAdES B-T, development TSA), brief warm-up: %.1f certificates/s%n",
                signed);
        System.out.printf("issuance as now, PDF/A-3b then signed (PAdES B-T): %.1f certificates/s%n", archival);
        System.out.printf("PDF/A + signed / unsigned plain issuance = %.2f (goal >= 0.90)%n", archival / pipeline);

        // Production's shape: the approval on one thread, the rendering worker on another, as a pipeline.
        double finished = cpu(results, "pipeline", "pdfs"); // a secondary result, as the CPU figures are
        double sealed = score(results, "renderSealedPdfOnly");
        double pipelineCpu = cpu(results, "pipeline", ProcessCpuProfiler.PROCESS) * score(results, "pipeline") / finished;
        System.out.printf("%nissuance as production runs it (an approving thread and the rendering worker: PDF/A-3b, PAdES"
                + " B-T, puts in flight while the next renders, a commit per batch of 16): %.1f certificates/s with their"
                + " PDF; the same PDF rendered alone: %.1f/s%n", finished, sealed);
        System.out.printf("production pipeline / rendering its PDF alone = %.2f (issue 14, goal >= 0.80); by the JVM's CPU"
                + " per certificate (%.2f ms, both stages, GC and JIT, against %.2f ms) = %.2f%n", finished / sealed,
                pipelineCpu, cpu(results, "renderSealedPdfOnly", ProcessCpuProfiler.PROCESS),
                cpu(results, "renderSealedPdfOnly", ProcessCpuProfiler.PROCESS) / pipelineCpu);

        double finishedUnsigned = cpu(results, "pipelineUnsigned", "pdfs");
        System.out.printf("the same pipeline making the unsigned plain PDF: %.1f certificates/s; as issued / unsigned ="
                + " %.2f (issue 18, goal >= 0.90)%n", finishedUnsigned, finished / finishedUnsigned);

        System.out.printf("%nCPU milliseconds per certificate (benchmark threads; whole process, with GC and JIT) and the"
                + " ratios they give:%n");
        for (String benchmark : new String[] {"qrOnly", "storeOnly", "renderPlainPdfOnly", "renderPdfOnly", "renderSealedPdfOnly",
                "prepareOnly", "issuancePipeline", "issuancePipelineSigned", "issuancePipelineArchival", "approvalBeforePdf",
                "renderingJob"}) {
            System.out.printf("  %-26s %6.2f ms  %6.2f ms%n", benchmark, cpu(results, benchmark),
                    cpu(results, benchmark, ProcessCpuProfiler.PROCESS));
        }
        System.out.printf("pipeline / rendering (both without PDF/A), by CPU = %.2f (goal >= 0.80)%n",
                cpu(results, "renderPlainPdfOnly") / cpu(results, "issuancePipeline"));
        System.out.printf("PDF/A + signed / unsigned plain issuance, by CPU = %.2f (goal >= 0.90)%n",
                cpu(results, "issuancePipeline") / cpu(results, "issuancePipelineArchival"));
        System.out.printf("one core issues about %.0f certificates/s with their PDF (PDF/A-3b, PAdES B-T)%n",
                1000 / cpu(results, "issuancePipelineArchival"));
        // Approving before the PDF exists: what the approval itself costs; the PDF is the rendering worker's.
        System.out.printf("approval before its PDF (claims, signature, three rows): %.1f/s, %.2f ms CPU = %.2f x the"
                + " CPU of an issuance with its PDF%n", score(results, "approvalBeforePdf"),
                cpu(results, "approvalBeforePdf"), cpu(results, "approvalBeforePdf")
                        / cpu(results, "issuancePipelineArchival"));
        System.out.printf("the rendering worker's job (render, seal, store): %.1f PDFs/s per thread, %.2f ms CPU; one core"
                + " catches up about %.0f PDFs/s%n", score(results, "renderingJob"), cpu(results, "renderingJob"),
                1000 / cpu(results, "renderingJob"));
    }

    private static Collection<RunResult> run(String benchmarks, int warmups, int warmupSeconds, int iterations,
                                             int iterationSeconds) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(benchmarks)
                .forks(1)
                .warmupIterations(warmups).warmupTime(TimeValue.seconds(warmupSeconds))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(iterationSeconds))
                .addProfiler(ProcessCpuProfiler.class)
                .build();
        return new Runner(options).run();
    }

    private static double cpu(Collection<RunResult> results, String benchmark) {
        return cpu(results, benchmark, ProcessCpuProfiler.WORKER);
    }

    private static double cpu(Collection<RunResult> results, String benchmark, String label) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark))
                .findFirst().orElseThrow().getSecondaryResults().get(label).getScore();
    }

    private static double score(Collection<RunResult> results, String benchmark) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark))
                .findFirst().orElseThrow().getPrimaryResult().getScore();
    }
}
