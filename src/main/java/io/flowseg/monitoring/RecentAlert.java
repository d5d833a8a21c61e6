package io.flowseg.monitoring;

import io.flowseg.events.UncertaintyAlert;
import java.time.Instant;

/** An alert as the recent-alerts store keeps it: when it was raised, and the alert. */
public record RecentAlert(Instant raisedAt, UncertaintyAlert alert) {
}
