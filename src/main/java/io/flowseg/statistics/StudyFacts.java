package io.flowseg.statistics;

import io.flowseg.alerts.Severity;
import java.util.List;

/**
 * What the statistics need of one study: where it came from, its mean variance, and the
 * severities of the alerts it raised.
 */
public record StudyFacts(String site, String modality, double meanVariance, List<Severity> alerts) {
    public StudyFacts {
        alerts = List.copyOf(alerts);
    }
}
