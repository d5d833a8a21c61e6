package io.flowseg.monitoring;

import io.flowseg.events.StatisticsWindow;
import io.flowseg.events.UncertaintyStatistics;
import io.flowseg.statistics.WindowStatistics;
import java.time.Instant;

/**
 * One site's and modality's window as a state store holds it: the running statistics rather than
 * the published record, so that states of the same window from several instances can be merged.
 */
public record ScopeWindow(StatisticsWindow window, ScopeKey scope, Instant start, Instant end,
                          WindowStatistics statistics) {

    public UncertaintyStatistics record() {
        return StatisticsRecords.record(window, scope, start, end, statistics);
    }
}
