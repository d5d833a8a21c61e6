package io.flowseg.monitoring;

import io.flowseg.alerts.Severity;
import io.flowseg.events.StatisticsWindow;
import io.flowseg.events.UncertaintyStatistics;
import io.flowseg.statistics.WindowStatistics;
import java.time.Instant;

/** Window statistics as the statistics topic and the API publish them. */
public final class StatisticsRecords {

    private StatisticsRecords() {
    }

    /** Key of a window's record: {@code HOURLY/site/modality/2026-11-28T10:00:00Z}. */
    public static String key(StatisticsWindow window, ScopeKey scope, Instant start) {
        return window + "/" + scope.encode() + "/" + start;
    }

    public static UncertaintyStatistics record(StatisticsWindow window, ScopeKey scope, Instant start, Instant end,
                                               WindowStatistics statistics) {
        return UncertaintyStatistics.newBuilder()
                .setSite(scope.site())
                .setModality(scope.modality())
                .setWindow(window)
                .setWindowStart(start)
                .setWindowEnd(end)
                .setStudies(statistics.studies())
                .setAlertsInfo(statistics.alerts(Severity.INFO))
                .setAlertsWarning(statistics.alerts(Severity.WARNING))
                .setAlertsCritical(statistics.alerts(Severity.CRITICAL))
                .setHighUncertaintyStudies(statistics.highUncertaintyStudies())
                .setHighUncertaintyShare(statistics.highUncertaintyShare())
                .setMeanVarianceMean(statistics.meanVarianceMean())
                .setMeanVarianceP95(statistics.meanVarianceP95())
                .build();
    }
}
