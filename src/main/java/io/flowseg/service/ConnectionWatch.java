package io.flowseg.service;

import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Checks one thing the service depends on (Kafka, the schema registry) every few seconds on a
 * thread of its own, so readiness answers at once from the last finding and serve can wait for
 * Kafka without crashing on a refused password or a wrong protocol. Logs each new problem when it
 * first appears, again every few minutes while it lasts, and when the connection works again.
 */
public final class ConnectionWatch implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ConnectionWatch.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REPEAT_PROBLEM = Duration.ofMinutes(5);

    /** One attempt at using the connection, saying why it failed. */
    public interface Check extends AutoCloseable {
        ConnectionStatus check(Duration timeout);

        @Override
        void close();
    }

    private final String name;
    private final Check check;
    private final Duration interval;
    private final Thread thread;
    private final Object changed = new Object();
    private volatile ConnectionStatus status = new ConnectionStatus(false, "not checked yet");
    private volatile boolean closed;

    private ConnectionWatch(String name, Check check, Duration interval) {
        this.name = name;
        this.check = check;
        this.interval = interval;
        this.thread = new Thread(this::watch, "flowseg-watch-" + name.replace(' ', '-'));
        thread.setDaemon(true);
    }

    /** Starts running {@code check} every {@code interval}; {@code name} ("Kafka") starts its log lines. */
    public static ConnectionWatch start(String name, Check check, Duration interval) {
        ConnectionWatch watch = new ConnectionWatch(name, check, interval);
        watch.thread.start();
        return watch;
    }

    /** The last finding. */
    public ConnectionStatus status() {
        return status;
    }

    /** Blocks until the check passes; false when the watch was closed first (shutdown). */
    public boolean awaitReachable() throws InterruptedException {
        synchronized (changed) {
            while (!closed && !status.reachable()) {
                changed.wait();
            }
        }
        return !closed;
    }

    private void watch() {
        String lastProblem = null;
        long lastLogged = 0;
        while (!closed) {
            ConnectionStatus found = check.check(CHECK_TIMEOUT);
            if (found.reachable() && lastProblem != null) {
                LOG.infof("%s answers again", name);
                lastProblem = null;
            } else if (!found.reachable() && !closed && (!found.problem().equals(lastProblem)
                    || System.nanoTime() - lastLogged > REPEAT_PROBLEM.toNanos())) {
                LOG.errorf("%s cannot be used; flowseg stays up, unready, and retries: %s", name, found.problem());
                lastProblem = found.problem();
                lastLogged = System.nanoTime();
            }
            synchronized (changed) {
                status = found;
                changed.notifyAll();
                try {
                    changed.wait(interval.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (changed) {
            closed = true;
            changed.notifyAll();
        }
        try {
            thread.join(CHECK_TIMEOUT.toMillis() * 3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        check.close();
    }
}
