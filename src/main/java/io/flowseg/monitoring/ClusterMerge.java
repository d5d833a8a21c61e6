package io.flowseg.monitoring;

import io.flowseg.events.UncertaintyStatistics;
import io.flowseg.statistics.WindowStatistics;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merges the local answers of several instances into one answer for the whole cluster. */
final class ClusterMerge {
    /** Newest first; within one millisecond the recent-alerts store's own order (its key, descending). */
    private static final Comparator<RecentAlert> NEWEST_FIRST = Comparator.comparing(RecentAlert::raisedAt)
            .thenComparing(recent -> recent.alert().getStudy().getStudyId())
            .thenComparing(recent -> recent.alert().getPolicyId())
            .reversed();
    private static final Comparator<AlertedCase> NEWEST_CASE_FIRST = Comparator.comparing(AlertedCase::raisedAt)
            .thenComparing(AlertedCase::studyId)
            .reversed();
    private static final Comparator<UncertaintyStatistics> OLDEST_FIRST = Comparator
            .comparing(UncertaintyStatistics::getWindowStart)
            .thenComparing(UncertaintyStatistics::getSite)
            .thenComparing(UncertaintyStatistics::getModality);

    private ClusterMerge() {
    }

    /** The newest {@code limit} alerts of all instances' answers (each newest first, at most {@code limit} long). */
    static List<RecentAlert> newestFirst(Collection<List<RecentAlert>> answers, int limit) {
        return newest(answers, NEWEST_FIRST, limit);
    }

    /** The newest {@code limit} cases of all instances' answers (each newest first, at most {@code limit} long). */
    static List<AlertedCase> newestCases(Collection<List<AlertedCase>> answers, int limit) {
        return newest(answers, NEWEST_CASE_FIRST, limit);
    }

    private static <T> List<T> newest(Collection<List<T>> answers, Comparator<T> newestFirst, int limit) {
        return answers.stream().flatMap(List::stream).sorted(newestFirst).limit(limit).toList();
    }

    /**
     * One record per site, modality and window start, oldest first. Each window lives in its
     * scope's partition, so the instances' answers are normally disjoint; where two hold states of
     * one window, they are added up, which keeps counts, shares and the mean exact and the
     * percentile within the sketch's accuracy ({@link WindowStatistics#merge}).
     */
    static List<UncertaintyStatistics> statistics(Collection<ScopeWindow> windows) {
        Map<List<Object>, ScopeWindow> merged = new LinkedHashMap<>();
        for (ScopeWindow window : windows) {
            merged.merge(List.of(window.scope(), window.start()), window, ClusterMerge::add);
        }
        return merged.values().stream().map(ScopeWindow::record).sorted(OLDEST_FIRST).toList();
    }

    private static ScopeWindow add(ScopeWindow a, ScopeWindow b) {
        return new ScopeWindow(a.window(), a.scope(), a.start(), a.end(),
                new WindowStatistics().merge(a.statistics()).merge(b.statistics()));
    }
}
