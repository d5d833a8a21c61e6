package io.flowseg.streaming;

import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Checks the broker every few seconds on a thread of its own, so readiness answers at once from
 * the last finding and serve can wait for Kafka without crashing on a refused password or a
 * wrong protocol. Logs each new problem when it first appears, again every few minutes while it
 * lasts, and when Kafka answers again.
 */
public final class BrokerWatch implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BrokerWatch.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REPEAT_PROBLEM = Duration.ofMinutes(5);

    private final BrokerCheck check;
    private final Duration interval;
    private final Thread thread;
    private final Object changed = new Object();
    private volatile BrokerStatus status = new BrokerStatus(false, "not checked yet");
    private volatile boolean closed;

    private BrokerWatch(BrokerCheck check, Duration interval) {
        this.check = check;
        this.interval = interval;
        this.thread = new Thread(this::watch, "flowseg-broker-watch");
        thread.setDaemon(true);
    }

    /** Starts checking the broker of these connection settings every {@code interval}. */
    public static BrokerWatch start(Map<String, Object> connection, Duration interval) {
        BrokerWatch watch = new BrokerWatch(new BrokerCheck(connection), interval);
        watch.thread.start();
        return watch;
    }

    /** The last finding. */
    public BrokerStatus status() {
        return status;
    }

    /** Blocks until the broker answers; false when the watch was closed first (shutdown). */
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
            BrokerStatus found = check.check(CHECK_TIMEOUT);
            if (found.reachable() && lastProblem != null) {
                LOG.info("Kafka answers again");
                lastProblem = null;
            } else if (!found.reachable() && !closed && (!found.problem().equals(lastProblem)
                    || System.nanoTime() - lastLogged > REPEAT_PROBLEM.toNanos())) {
                LOG.errorf("Kafka cannot be used; flowseg stays up, unready, and retries: %s", found.problem());
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
