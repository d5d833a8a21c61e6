package io.flowseg.monitoring;

import static io.flowseg.monitoring.MonitoringFixtures.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowseg.alerts.Severity;
import io.flowseg.events.StatisticsWindow;
import io.flowseg.events.UncertaintyAlert;
import io.flowseg.events.UncertaintyMap;
import io.flowseg.events.UncertaintyStatistics;
import io.flowseg.statistics.StudyFacts;
import io.flowseg.statistics.WindowStatistics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two instances' local answers merged into the cluster's: alerts newest first, windows added up. */
class ClusterMergeTest {
    private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void alertsOfTwoInstancesInterleaveNewestFirstUpToTheLimit() {
        List<RecentAlert> first = List.of(alert("a5", 5), alert("a3", 3), alert("a1", 1));
        List<RecentAlert> second = List.of(alert("b4", 4), alert("b2", 2));

        assertEquals(List.of("a5", "b4", "a3"), studies(ClusterMerge.newestFirst(List.of(first, second), 3)));
        assertEquals(List.of("a5", "b4", "a3", "b2", "a1"),
                studies(ClusterMerge.newestFirst(List.of(first, second), 10)));
        assertEquals(List.of("b4"), studies(ClusterMerge.newestFirst(List.of(List.of(), second), 1)));
    }

    @Test
    void disjointWindowsStayAsTheyAreOldestFirst() {
        ScopeKey ct = new ScopeKey("site-a", "CT");
        ScopeKey mr = new ScopeKey("site-b", "MR");
        List<UncertaintyStatistics> merged = ClusterMerge.statistics(List.of(
                window(mr, T, studies(0.2)), window(ct, T.plusSeconds(3600), studies(0.1)), window(ct, T, studies(0.3))));

        assertEquals(List.of("site-a@10", "site-b@10", "site-a@11"), merged.stream()
                .map(row -> row.getSite() + "@" + row.getWindowStart().toString().substring(11, 13)).toList());
        assertEquals(0.3, merged.get(0).getMeanVarianceMean(), 1e-12);
    }

    @Test
    void oneWindowFromTwoInstancesAddsCountsAndWeighsTheMeanByStudies() {
        ScopeKey ct = new ScopeKey("site-a", "CT");
        WindowStatistics here = studies(0.01, 0.02, 0.03);
        WindowStatistics there = studies(0.3);
        WindowStatistics all = studies(0.01, 0.02, 0.03, 0.3);

        List<UncertaintyStatistics> merged = ClusterMerge.statistics(List.of(window(ct, T, here), window(ct, T, there)));

        assertEquals(1, merged.size());
        UncertaintyStatistics row = merged.get(0);
        assertEquals(4, row.getStudies());
        assertEquals(1, row.getAlertsWarning());
        assertEquals(0.25, row.getHighUncertaintyShare(), 1e-12);
        assertEquals((0.01 + 0.02 + 0.03 + 0.3) / 4, row.getMeanVarianceMean(), 1e-12);
        assertEquals(all.meanVarianceP95(), row.getMeanVarianceP95(), 0);
        assertEquals(ct.site(), row.getSite());
        assertEquals(T.plus(Duration.ofHours(1)), row.getWindowEnd());
    }

    /** One study per value; those of 0.1 and above raised a warning. */
    private static WindowStatistics studies(double... meanVariances) {
        WindowStatistics statistics = new WindowStatistics();
        for (double value : meanVariances) {
            statistics.add(new StudyFacts("site", "CT", value, value >= 0.1 ? List.of(Severity.WARNING) : List.of()));
        }
        return statistics;
    }

    private static ScopeWindow window(ScopeKey scope, Instant start, WindowStatistics statistics) {
        return new ScopeWindow(StatisticsWindow.HOURLY, scope, start, start.plus(Duration.ofHours(1)), statistics);
    }

    private static RecentAlert alert(String studyId, int minute) {
        UncertaintyMap map = map(studyId, "site-a", "CT", "CHEST", T, 0.3);
        UncertaintyAlert alert = UncertaintyAlert.newBuilder().setStudy(map.getStudy()).setPolicyId("p")
                .setFigure("meanVariance").setComparator("GT").setThreshold(0.1).setObserved(0.3)
                .setSeverity("WARNING").setDescription("test").setSettings(map.getSettings())
                .setTimings(map.getTimings()).build();
        return new RecentAlert(T.plus(Duration.ofMinutes(minute)), alert);
    }

    private static List<String> studies(List<RecentAlert> alerts) {
        return alerts.stream().map(recent -> recent.alert().getStudy().getStudyId()).toList();
    }
}
