package io.flowseg.monitoring;

import io.flowseg.events.SegmentationResult;
import io.flowseg.events.StatisticsWindow;
import io.flowseg.events.ThresholdPolicy;
import io.flowseg.events.UncertaintyAlert;
import io.flowseg.events.UncertaintyMap;
import io.flowseg.events.UncertaintyStatistics;
import io.flowseg.statistics.StudyFacts;
import io.flowseg.statistics.WindowStatistics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The monitoring topology: uncertainty maps joined with the policies in force (a global table
 * over the compacted policy topic) raise alerts; each study's facts feed hourly and daily
 * statistics per site and modality; recent alerts, alerted cases and segmentations are kept in
 * stores for the API and the dashboard.
 *
 * <pre>
 * policies ──────────────► global table ─┐ (looked up per study)
 * uncertainty maps ──► evaluate policies ┴─► alerts topic
 *                             └─ facts ──► by site/modality ──► hourly, daily windows ──► statistics topic
 * segmentations ────► keep the newest (dashboard)
 * </pre>
 */
public final class MonitoringTopology {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);
    private static final int IMAGE_CHANGELOG_SEGMENT_BYTES = 64 << 20;

    private MonitoringTopology() {
    }

    public static Topology build(MonitoringSettings settings, MonitoringSerdes serdes, MonitoringListener listener) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> key = serdes.key();
        builder.globalTable(settings.topics().policies(), Consumed.with(key, serdes.value(ThresholdPolicy.class)),
                Materialized.<String, ThresholdPolicy>as(Stores.inMemoryKeyValueStore(MonitoringStores.POLICIES))
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.value(ThresholdPolicy.class)));
        addEvaluatorStores(builder, settings, serdes);

        KStream<String, Assessment> assessed = builder
                .stream(settings.topics().uncertainty(), Consumed.with(key, serdes.value(UncertaintyMap.class))
                        .withTimestampExtractor(new AcquisitionTime()))
                .process(() -> new AlertEvaluator(settings, listener), Named.as("evaluate-policies"),
                        MonitoringStores.DELIVERED, MonitoringStores.RECENT_ALERTS, MonitoringStores.ALERTED_MAPS);
        assessed.flatMapValues(MonitoringTopology::alertOf, Named.as("alerts-raised"))
                .to(settings.topics().alerts(), Produced.with(key, serdes.value(UncertaintyAlert.class)));

        KGroupedStream<String, StudyFacts> byScope = assessed
                .flatMap(MonitoringTopology::factsByScope, Named.as("facts-by-scope"))
                .groupByKey(Grouped.with("study-facts", Serdes.String(), MonitoringSerdes.facts()));
        Serde<UncertaintyStatistics> statistics = serdes.value(UncertaintyStatistics.class);
        windowed(byScope, StatisticsWindow.HOURLY, HOUR, settings.grace(), settings.hourlyRetention(),
                MonitoringStores.HOURLY).to(settings.topics().statistics(), Produced.with(key, statistics));
        windowed(byScope, StatisticsWindow.DAILY, DAY, settings.grace(), settings.dailyRetention(),
                MonitoringStores.DAILY).to(settings.topics().statistics(), Produced.with(key, statistics));

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(
                MonitoringStores.RECENT_SEGMENTATIONS), Serdes.String(), serdes.value(SegmentationResult.class))
                .withLoggingEnabled(imageChangelog(settings)));
        builder.stream(settings.topics().segmentations(), Consumed.with(key, serdes.value(SegmentationResult.class)))
                .process(() -> new SegmentationKeeper(settings.recentCases()), Named.as("keep-segmentations"),
                        MonitoringStores.RECENT_SEGMENTATIONS);
        return builder.build();
    }

    private static void addEvaluatorStores(StreamsBuilder builder, MonitoringSettings settings,
                                           MonitoringSerdes serdes) {
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(MonitoringStores.DELIVERED), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(MonitoringStores.RECENT_ALERTS),
                Serdes.String(), serdes.value(UncertaintyAlert.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(MonitoringStores.ALERTED_MAPS),
                Serdes.String(), serdes.value(UncertaintyMap.class)).withLoggingEnabled(imageChangelog(settings)));
    }

    /**
     * The image stores are logged like the others, so the instance that takes over a partition
     * (a rebalance, a restart) shows the cases alerted before it. Their changelogs take records as
     * large as a result may be, and roll small segments, since compaction never cleans the active
     * one and a restore reads it all.
     */
    private static Map<String, String> imageChangelog(MonitoringSettings settings) {
        int segmentBytes = (int) Math.min(Integer.MAX_VALUE, Math.max(IMAGE_CHANGELOG_SEGMENT_BYTES, 2L * settings.maxRecordBytes()));
        return Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(settings.maxRecordBytes()),
                TopicConfig.SEGMENT_BYTES_CONFIG, Integer.toString(segmentBytes));
    }

    private static List<UncertaintyAlert> alertOf(Assessment assessment) {
        return assessment instanceof Assessment.RaisedAlert raised ? List.of(raised.alert()) : List.of();
    }

    private static List<KeyValue<String, StudyFacts>> factsByScope(String studyId, Assessment assessment) {
        if (assessment instanceof Assessment.CountedStudy counted) {
            StudyFacts facts = counted.facts();
            return List.of(KeyValue.pair(new ScopeKey(facts.site(), facts.modality()).encode(), facts));
        }
        return List.of();
    }

    /** Tumbling windows of acquisition time; a study later than the grace period is left out (Kafka Streams counts it as dropped). */
    private static KStream<String, UncertaintyStatistics> windowed(KGroupedStream<String, StudyFacts> byScope,
                                                                  StatisticsWindow window, Duration size,
                                                                  Duration grace, Duration retention, String store) {
        return byScope.windowedBy(TimeWindows.ofSizeAndGrace(size, grace))
                .aggregate(WindowStatistics::new, (scope, facts, statistics) -> statistics.add(facts),
                        Named.as(store + "-aggregate"),
                        Materialized.<String, WindowStatistics>as(Stores.inMemoryWindowStore(store,
                                        retention.compareTo(size.plus(grace)) < 0 ? size.plus(grace) : retention, size,
                                        false))
                                .withKeySerde(Serdes.String())
                                .withValueSerde(MonitoringSerdes.windowStatistics()))
                .toStream(Named.as(store + "-updates"))
                .map((windowed, value) -> statisticsRecord(window, windowed, value), Named.as(store + "-records"));
    }

    private static KeyValue<String, UncertaintyStatistics> statisticsRecord(StatisticsWindow window,
                                                                          Windowed<String> windowed,
                                                                          WindowStatistics statistics) {
        ScopeKey scope = ScopeKey.decode(windowed.key());
        return KeyValue.pair(StatisticsRecords.key(window, scope, windowed.window().startTime()),
                StatisticsRecords.record(window, scope, windowed.window().startTime(), windowed.window().endTime(),
                        statistics));
    }
}
