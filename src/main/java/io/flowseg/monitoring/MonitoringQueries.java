package io.flowseg.monitoring;

import io.flowseg.events.SegmentationResult;
import io.flowseg.events.StatisticsWindow;
import io.flowseg.events.ThresholdPolicy;
import io.flowseg.events.UncertaintyAlert;
import io.flowseg.events.UncertaintyMap;
import io.flowseg.events.UncertaintyStatistics;
import io.flowseg.statistics.WindowStatistics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Reads the monitoring topology's state stores (interactive queries). Policies are global, so
 * every instance answers for all of them; alerts, cases and statistics come from the partitions
 * this instance holds ({@link ClusterQueries} asks the other instances for theirs). A store that
 * is not queryable (the topology starting or rebalancing) throws {@link InvalidStateStoreException},
 * as does a topology that is not running.
 */
public final class MonitoringQueries {
    private final KafkaStreams streams;

    public MonitoringQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    public List<ThresholdPolicy> policies() {
        List<ThresholdPolicy> all = new ArrayList<>();
        try (KeyValueIterator<String, ThresholdPolicy> iterator = policyStore().all()) {
            iterator.forEachRemaining(entry -> all.add(entry.value));
        }
        all.sort(Comparator.comparing(ThresholdPolicy::getId));
        return all;
    }

    public Optional<ThresholdPolicy> policy(String id) {
        return Optional.ofNullable(policyStore().get(id));
    }

    /** The newest alerts first, at most {@code limit} of those that pass the filter. */
    public List<RecentAlert> recentAlerts(int limit, Predicate<UncertaintyAlert> filter) {
        List<RecentAlert> found = new ArrayList<>();
        try (KeyValueIterator<String, UncertaintyAlert> newestFirst = this.<String, UncertaintyAlert>keyValueStore(
                MonitoringStores.RECENT_ALERTS).reverseAll()) {
            while (newestFirst.hasNext() && found.size() < limit) {
                KeyValue<String, UncertaintyAlert> entry = newestFirst.next();
                if (filter.test(entry.value)) {
                    found.add(new RecentAlert(RecentAlertKey.raisedAt(entry.key), entry.value));
                }
            }
        }
        return found;
    }

    /** The most recently alerted studies whose map is still kept, newest first. */
    public List<AlertedCase> alertedCases(int limit) {
        Map<String, List<RecentAlert>> byStudy = new LinkedHashMap<>();
        for (RecentAlert alert : recentAlerts(Integer.MAX_VALUE, AlertFilter.ANY)) {
            byStudy.computeIfAbsent(alert.alert().getStudy().getStudyId(), id -> new ArrayList<>()).add(alert);
        }
        List<AlertedCase> cases = new ArrayList<>();
        for (Map.Entry<String, List<RecentAlert>> study : byStudy.entrySet()) {
            if (cases.size() == limit) {
                break;
            }
            alertedCase(study.getKey(), study.getValue()).ifPresent(cases::add);
        }
        return cases;
    }

    private Optional<AlertedCase> alertedCase(String studyId, List<RecentAlert> alerts) {
        return alerts.isEmpty() ? Optional.empty()
                : alertedMap(studyId).map(map -> AlertedCase.of(map, alerts, segmentation(studyId)));
    }

    /** The uncertainty map of a recently alerted study, while it is kept. */
    public Optional<UncertaintyMap> alertedMap(String studyId) {
        return Optional.ofNullable(this.<String, UncertaintyMap>keyValueStore(MonitoringStores.ALERTED_MAPS)
                .get(studyId));
    }

    /** A recent segmentation (mask and image preview), while it is kept. */
    public Optional<SegmentationResult> segmentation(String studyId) {
        return Optional.ofNullable(this.<String, SegmentationResult>keyValueStore(
                MonitoringStores.RECENT_SEGMENTATIONS).get(studyId));
    }

    /** Every site's and modality's windows that overlap [from, to], oldest first. */
    public List<UncertaintyStatistics> statistics(StatisticsWindow window, Instant from, Instant to) {
        return ClusterMerge.statistics(windows(window, from, to));
    }

    /** The states of the windows that overlap [from, to], in the form instances merge. */
    public List<ScopeWindow> windows(StatisticsWindow window, Instant from, Instant to) {
        ReadOnlyWindowStore<String, WindowStatistics> windows = store(MonitoringStores.of(window),
                QueryableStoreTypes.windowStore());
        List<ScopeWindow> found = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, WindowStatistics> iterator = windows.fetchAll(from, to)) {
            while (iterator.hasNext()) {
                KeyValue<Windowed<String>, WindowStatistics> entry = iterator.next();
                found.add(new ScopeWindow(window, ScopeKey.decode(entry.key.key()), entry.key.window().startTime(),
                        entry.key.window().endTime(), entry.value));
            }
        }
        return found;
    }

    private ReadOnlyKeyValueStore<String, ThresholdPolicy> policyStore() {
        return keyValueStore(MonitoringStores.POLICIES);
    }

    private <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String name) {
        return store(name, QueryableStoreTypes.keyValueStore());
    }

    private <T> T store(String name, QueryableStoreType<T> type) {
        requireRunning(streams);
        return streams.store(StoreQueryParameters.fromNameAndType(name, type));
    }

    /**
     * Kafka Streams answers store and metadata questions to a topology that is not running
     * (created, failed, stopped) with an IllegalStateException; the API wants the 503 of a
     * store that cannot be read yet.
     */
    static void requireRunning(KafkaStreams streams) {
        if (!streams.state().isRunningOrRebalancing()) {
            throw new InvalidStateStoreException("the monitoring topology is " + streams.state());
        }
    }
}
