package org.pramaan.service.work;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes workers when any process queues work for them, through PostgreSQL {@code LISTEN/NOTIFY}: one dedicated
 * connection listens on every registered channel and waits in {@code PGConnection.getNotifications(timeout)}; a
 * notification runs the channel's wake-ups (typically {@link LeasedWorker#wake()}). Whoever queues work sends
 * {@link #notify(Connection, String)} in the queuing transaction, so the notification goes out with the commit, to
 * this process and every other one on the same database. A lost connection is opened again after a pause that
 * doubles while PostgreSQL stays away (up to 30 times the first), and every listener is woken then, since
 * notifications sent meanwhile are gone. The listening runs as tasks on one scheduler thread: each waits up to a
 * second for notifications and queues the next, so closing never has to interrupt a sleep.
 */
public final class PgWakeUps implements AutoCloseable {

    /** Opens the dedicated connection; its lifetime is this listener's, so it should not come from a small pool. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /** The statement that wakes a channel's listeners, for callers with their own JDBC helper. */
    public static final String NOTIFY_SQL = "SELECT pg_notify(?, '')";

    private static final Logger log = LoggerFactory.getLogger(PgWakeUps.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final int WAIT_MILLIS = 1000;

    private final Connections connections;
    private final Backoff reconnect;
    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private volatile boolean running;
    private ScheduledExecutorService scheduler;
    private volatile Connection connection;
    private int failures;

    public PgWakeUps(Connections connections, Duration reconnectPause) {
        this.connections = Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(reconnectPause, "reconnectPause");
        this.reconnect = new Backoff(reconnectPause, reconnectPause.multipliedBy(30));
    }

    /**
     * A listener on a data source: its own connection outside any pool when it is a Hikari pool (same URL and
     * credentials), otherwise one connection taken from it for good.
     */
    public static PgWakeUps on(DataSource dataSource) {
        return new PgWakeUps(() -> {
            if (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari && hikari.getJdbcUrl() != null) {
                java.util.Properties p = new java.util.Properties();
                p.putAll(hikari.getDataSourceProperties());
                if (hikari.getUsername() != null) {
                    p.setProperty("user", hikari.getUsername());
                }
                if (hikari.getPassword() != null) {
                    p.setProperty("password", hikari.getPassword());
                }
                return java.sql.DriverManager.getConnection(hikari.getJdbcUrl(), p);
            }
            return dataSource.getConnection();
        }, Duration.ofSeconds(1));
    }

    /** Sends a wake-up on {@code channel} on {@code connection}: with its transaction's commit, or at once without one. */
    public static void notify(Connection connection, String channel) throws SQLException {
        try (java.sql.PreparedStatement s = connection.prepareStatement(NOTIFY_SQL)) {
            s.setString(1, checked(channel));
            s.execute();
        }
    }

    /** Runs {@code wake} on every notification on {@code channel}; register before {@link #start()}. */
    public PgWakeUps on(String channel, Runnable wake) {
        listeners.computeIfAbsent(checked(channel), c -> new CopyOnWriteArrayList<>()).add(Objects.requireNonNull(wake));
        return this;
    }

    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        running = true;
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "pg-wake-ups");
            t.setDaemon(true);
            return t;
        });
        scheduler.execute(this::listenOnce);
    }

    /** Whether the listening connection is open and listening now (for tests and health). */
    public boolean isListening() {
        return connection != null;
    }

    @Override
    public synchronized void close() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                // A task in getNotifications returns within WAIT_MILLIS; the connection is closed after it.
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
        closeConnection();
    }

    /** One wait for notifications (opening the connection first if needed); then the next, now or after a pause. */
    private void listenOnce() {
        if (!running) {
            return;
        }
        Duration pause = Duration.ZERO;
        try {
            if (connection == null) {
                listen();
                failures = 0;
                // Whatever was queued while nobody listened: every worker looks once.
                listeners.values().forEach(l -> l.forEach(Runnable::run));
            }
            PGNotification[] notes = connection.unwrap(PGConnection.class).getNotifications(WAIT_MILLIS);
            if (notes != null) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (PGNotification note : notes) {
                    if (seen.add(note.getName())) {
                        listeners.getOrDefault(note.getName(), List.of()).forEach(Runnable::run);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (!running) {
                return;
            }
            log.warn("listening for queued work failed; workers poll until it is back: {}", e.toString());
            closeConnection();
            pause = reconnect.after(failures++);
        }
        try {
            scheduler.schedule(this::listenOnce, pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // close() shut the scheduler down while this wait ran
        }
    }

    private void listen() throws SQLException {
        Connection c = connections.open();
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String channel : listeners.keySet()) {
                s.execute("LISTEN " + channel);
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        connection = c;
        log.info("listening for queued work on {}", listeners.keySet());
    }

    private void closeConnection() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("closing the listening connection: {}", e.toString());
            }
        }
    }

    private static String checked(String channel) {
        if (channel == null || !CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("a wake-up channel is a lower-case identifier, got " + channel);
        }
        return channel;
    }
}
