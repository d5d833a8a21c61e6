package io.flowseg.wire;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a registry request is tried when it fails transiently (no answer, 429 or 5xx), and how
 * long the client waits in between: the initial backoff, doubled after every try, at most the
 * maximum. A 4xx answer is never retried.
 *
 * @param maxAttempts    tries in all, at least 1 (1 means no retry)
 * @param initialBackoff wait before the second try
 * @param maxBackoff     longest wait between two tries
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Confluent's client defaults: 3 retries (4 tries), 1 s doubling to at most 2 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(2));

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoffs must not be negative");
        }
    }

    /** The wait after failed try number {@code attempt} (from 1). */
    public Duration backoffAfter(int attempt) {
        // Doubling past 2^30 would overflow long millis; the cap is reached long before.
        Duration backoff = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 30));
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
