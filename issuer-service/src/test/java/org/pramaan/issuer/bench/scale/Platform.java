package org.pramaan.issuer.bench.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The platform {@code ./pramaan up} runs, as the scale run reaches it: the services on their loopback ports,
 * the sign-ins in {@code dev.env}, the shared PostgreSQL, and each part's process (its pid file) for CPU time.
 */
final class Platform {

    static final String ISSUER = "http://127.0.0.1:8081";
    static final String VERIFIER = "http://127.0.0.1:8082";
    private static final Pattern JSON_FIELD = Pattern.compile("\"%s\"\\s*:\\s*\"([^\"]+)\"");
    /** The clock ticks of /proc/PID/stat (USER_HZ, 100 on Linux). */
    private static final double TICK_MILLIS = 10.0;

    private final Path home;
    private final Map<String, String> env;
    private final DataSource dataSource;

    private Platform(Path home, Map<String, String> env, DataSource dataSource) {
        this.home = home;
        this.env = env;
        this.dataSource = dataSource;
    }

    static Platform at(Path home, String databaseUrl) {
        Map<String, String> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(home.resolve("dev.env"))) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    values.put(line.substring(0, eq), line.substring(eq + 1).replaceAll("^'|'$", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no dev.env in " + home + ": start the platform with ./pramaan up", e);
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(databaseUrl);
        return new Platform(home, values, pg);
    }

    DataSource dataSource() {
        return dataSource;
    }

    String env(String name) {
        String value = env.get(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not in dev.env: is the platform the one ./pramaan up made?");
        }
        return value;
    }

    static String jsonField(String json, String field) {
        Matcher m = Pattern.compile(String.format(JSON_FIELD.pattern(), field)).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no \"" + field + "\" in " + json);
        }
        return m.group(1);
    }

    /**
     * CPU milliseconds each part has used so far: its process and every process under it (the embedded PostgreSQL's
     * launcher has the postmaster under it, and the postmaster its backends), living ones by their own time and
     * ended ones by the cutime of whoever waited for them.
     */
    Map<String, Double> cpuMillis() {
        Map<Long, List<Long>> children = childrenByParent();
        Map<String, Double> used = new LinkedHashMap<>();
        for (String part : List.of("issuer-service", "issuer-service-2", "verifier-app", "whatsapp-bridge", "peer", "chaincode", "postgres")) {
            // The embedded PostgreSQL's launcher daemonizes the postmaster (its parent becomes init): PostgreSQL's
            // own pid file names it.
            Path pidFile = part.equals("postgres") ? home.resolve("postgres").resolve("postmaster.pid")
                    : home.resolve("run").resolve(part + ".pid");
            if (!Files.exists(pidFile)) {
                continue;
            }
            try {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
                used.put(part, treeTicks(pid, children) * TICK_MILLIS);
            } catch (IOException | NumberFormatException e) {
                used.put(part, Double.NaN);
            }
        }
        return used;
    }

    private static double treeTicks(long pid, Map<Long, List<Long>> children) {
        double total;
        try {
            total = ticks(pid, true);
        } catch (IOException ended) {
            return 0;
        }
        for (long child : children.getOrDefault(pid, List.of())) {
            total += treeTicks(child, children);
        }
        return total;
    }

    private static Map<Long, List<Long>> childrenByParent() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    long parent = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
                    children.computeIfAbsent(parent, k -> new java.util.ArrayList<>())
                            .add(Long.parseLong(p.getFileName().toString()));
                } catch (IOException ignored) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return children;
    }

    private static double ticks(long pid, boolean withEndedChildren) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime, stime (fields 14 and 15 of stat); cutime, cstime (16, 17) for children waited for
        double own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withEndedChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own;
    }

}
