package org.pramaan.bridge.journey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * One service's health as an operator would read it: heap in use right after a full collection and live threads
 * (Micrometer's jvm.memory.used and jvm.threads.live through the actuator), database connections checked out of its
 * Hikari pool (hikaricp.connections.active), and the resident set of its process as the kernel counts it
 * ({@code VmRSS} in /proc/&lt;pid&gt;/status).
 *
 * @param heapMb        heap used after {@code jcmd <pid> GC.run}, MiB
 * @param rssMb         resident set size, MiB
 * @param threads       live JVM threads
 * @param activeConnections connections in use across the service's Hikari pools
 */
record Vitals(double heapMb, double rssMb, int threads, int activeConnections) {

    private static final double MIB = 1024 * 1024;

    /** Collects the service's garbage first, so the heap figure is what is really kept, not what awaits a GC. */
    static Vitals of(ServiceProcess service, String... credentials) {
        fullGc(service.pid());
        String metrics = service.baseUrl() + "/actuator/metrics/";
        double heap = value(JsonHttp.get(metrics + "jvm.memory.used?tag=area:heap", 200, credentials));
        int threads = (int) value(JsonHttp.get(metrics + "jvm.threads.live", 200, credentials));
        return new Vitals(heap / MIB, rssKb(service.pid()) / 1024.0, threads, activeConnections(service, credentials));
    }

    static int activeConnections(ServiceProcess service, String... credentials) {
        return (int) value(JsonHttp.get(service.baseUrl() + "/actuator/metrics/hikaricp.connections.active", 200,
                credentials));
    }

    private static double value(JsonNode metric) {
        return metric.path("measurements").valueStream()
                .filter(m -> "VALUE".equals(m.path("statistic").asString(""))).findFirst()
                .orElseThrow(() -> new AssertionError("no VALUE in " + metric)).path("value").asDouble();
    }

    private static long rssKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .orElseThrow(() -> new AssertionError("no VmRSS for process " + pid));
        } catch (IOException e) {
            throw new AssertionError("cannot read /proc/" + pid + "/status", e);
        }
    }

    /** {@code jcmd <pid> GC.run}: the JDK's own tool, as an operator would ask a running JVM to collect. */
    private static void fullGc(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process gc = new ProcessBuilder(List.of(jcmd.toString(), String.valueOf(pid), "GC.run"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!gc.waitFor(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS) || gc.exitValue() != 0) {
                gc.destroyForcibly();
                throw new AssertionError("jcmd " + pid + " GC.run did not succeed");
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
