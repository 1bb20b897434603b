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
 * this process and every other one on the same database. A lost connection is opened again after a pause, and every
 * listener is woken then, since notifications sent meanwhile are gone.
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
    private final Duration reconnectPause;
    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread thread;
    private volatile Connection connection;

    public PgWakeUps(Connections connections, Duration reconnectPause) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.reconnectPause = Objects.requireNonNull(reconnectPause, "reconnectPause");
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
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "pg-wake-ups");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the listening connection is open and listening now (for tests and health). */
    public boolean isListening() {
        return connection != null;
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        closeConnection();
    }

    private void loop() {
        while (running) {
            try {
                if (connection == null) {
                    listen();
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
                try {
                    Thread.sleep(reconnectPause.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
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
