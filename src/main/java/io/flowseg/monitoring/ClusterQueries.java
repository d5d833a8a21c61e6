package io.flowseg.monitoring;

import io.flowseg.events.SegmentationResult;
import io.flowseg.events.StatisticsWindow;
import io.flowseg.events.UncertaintyMap;
import io.flowseg.events.UncertaintyStatistics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The monitoring stores of every instance, as the Quarkus Kafka Streams quickstart's
 * InteractiveQueries reads them: a study's stores are read where Kafka Streams' metadata says its
 * partition is active (here, or the owner over HTTP); lists ask every instance holding the store
 * for its local answer and merge them. An instance that does not answer leaves a list partial, and
 * a study whose owner does not answer throws {@link PeerUnreachableException}.
 */
public final class ClusterQueries {
    private final KafkaStreams streams;
    private final MonitoringQueries local;
    private final HostInfo self;
    private final Serializer<String> keys;
    private final PeerClient peers;
    private final PeerAnswers answers;

    /**
     * @param self the address this instance advertises ({@code application.server})
     * @param keys the serializer of the input topics' keys, whose bytes decide a study's partition
     */
    public ClusterQueries(KafkaStreams streams, HostInfo self, Serializer<String> keys, PeerClient peers,
                          PeerAnswers answers) {
        this.streams = streams;
        this.local = new MonitoringQueries(streams);
        this.self = self;
        this.keys = keys;
        this.peers = peers;
        this.answers = answers;
    }

    /** The newest alerts of the whole cluster first, at most {@code limit} of those that pass the filter. */
    public ClusterAnswer<List<RecentAlert>> recentAlerts(int limit, AlertFilter filter) {
        return everyInstance(MonitoringStores.RECENT_ALERTS, () -> local.recentAlerts(limit, filter),
                PeerClient.ALERTS, alertParameters(limit, filter), answers::readAlerts,
                lists -> ClusterMerge.newestFirst(lists, limit));
    }

    /** The most recently alerted studies of the whole cluster whose map is still kept, newest first. */
    public ClusterAnswer<List<AlertedCase>> alertedCases(int limit) {
        return everyInstance(MonitoringStores.RECENT_ALERTS, () -> local.alertedCases(limit), PeerClient.CASES,
                Map.of("limit", Integer.toString(limit)), answers::readCases,
                lists -> ClusterMerge.newestCases(lists, limit));
    }

    /** Every site's and modality's windows that overlap [from, to], of the whole cluster, oldest first. */
    public ClusterAnswer<List<UncertaintyStatistics>> statistics(StatisticsWindow window, Instant from, Instant to) {
        return everyInstance(MonitoringStores.of(window), () -> local.windows(window, from, to), PeerClient.WINDOWS,
                Map.of("window", window.name(), "from", Long.toString(from.toEpochMilli()),
                        "to", Long.toString(to.toEpochMilli())),
                bytes -> answers.readWindows(bytes, window),
                lists -> ClusterMerge.statistics(lists.stream().flatMap(List::stream).toList()));
    }

    /**
     * A recently alerted study with its alerts and map (kept where its uncertainty-map partition
     * is) and its segmentation (kept where its segmentation partition is, which may be elsewhere).
     */
    public Optional<AlertedCase> alertedCase(String studyId) {
        AlertFilter ofStudy = AlertFilter.ofStudy(studyId);
        List<RecentAlert> alerts = fromOwner(MonitoringStores.RECENT_ALERTS, studyId,
                () -> local.recentAlerts(Integer.MAX_VALUE, ofStudy),
                owner -> ask(owner, PeerClient.ALERTS, alertParameters(Integer.MAX_VALUE, ofStudy), answers::readAlerts)
                        .orElse(List.of()));
        if (alerts.isEmpty()) {
            return Optional.empty();
        }
        return alertedMap(studyId).map(map -> AlertedCase.of(map, alerts, segmentation(studyId)));
    }

    /** The uncertainty map of a recently alerted study, while it is kept. */
    public Optional<UncertaintyMap> alertedMap(String studyId) {
        return fromOwner(MonitoringStores.ALERTED_MAPS, studyId, () -> local.alertedMap(studyId),
                owner -> ask(owner, PeerClient.ofStudy(PeerClient.ALERTED_MAPS, studyId), Map.of(), answers::readMap));
    }

    /** A recent segmentation (mask and image preview), while it is kept. */
    public Optional<SegmentationResult> segmentation(String studyId) {
        return fromOwner(MonitoringStores.RECENT_SEGMENTATIONS, studyId, () -> local.segmentation(studyId),
                owner -> ask(owner, PeerClient.ofStudy(PeerClient.SEGMENTATIONS, studyId), Map.of(),
                        answers::readSegmentation));
    }

    private static Map<String, String> alertParameters(int limit, AlertFilter filter) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("limit", Integer.toString(limit));
        parameters.put("site", filter.site());
        parameters.put("severity", filter.severity());
        parameters.put("policy", filter.policy());
        parameters.put("study", filter.study());
        return parameters;
    }

    /** The owner's answer, read; empty where it has none. */
    private <T> Optional<T> ask(HostInfo owner, String path, Map<String, String> parameters, Function<byte[], T> read) {
        return PeerClient.await(peers.get(owner, path, parameters)).map(read);
    }

    /** Reads here if this instance holds the study's partition of the store, else asks the instance that does. */
    private <T> T fromOwner(String store, String studyId, Supplier<T> here, Function<HostInfo, T> there) {
        MonitoringQueries.requireRunning(streams);
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, studyId, keys);
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new InvalidStateStoreException("no instance holds the partition of " + studyId + " in " + store
                    + " yet");
        }
        return metadata.activeHost().equals(self) ? here.get() : there.apply(metadata.activeHost());
    }

    /**
     * Asks each instance holding a part of the store for its local answer (this one directly,
     * the others at once and in parallel) and merges those that came.
     */
    private <L, M> ClusterAnswer<M> everyInstance(String store, Supplier<L> here, String path,
                                                  Map<String, String> parameters, Function<byte[], L> read,
                                                  Function<List<L>, M> merge) {
        MonitoringQueries.requireRunning(streams);
        List<HostInfo> holders = streams.streamsMetadataForStore(store).stream().map(StreamsMetadata::hostInfo)
                .distinct().toList();
        Map<HostInfo, CompletableFuture<Optional<byte[]>>> asked = new LinkedHashMap<>();
        holders.stream().filter(host -> !host.equals(self))
                .forEach(host -> asked.put(host, peers.get(host, path, parameters)));
        List<L> found = new ArrayList<>();
        // No metadata yet (the first assignment in progress): the local stores say whether they can answer.
        if (holders.isEmpty() || holders.contains(self)) {
            found.add(here.get());
        }
        List<String> unanswered = new ArrayList<>();
        asked.forEach((host, reply) -> {
            try {
                PeerClient.await(reply).map(read).ifPresent(found::add);
            } catch (PeerUnreachableException e) {
                unanswered.add(e.getMessage());
            }
        });
        return new ClusterAnswer<>(merge.apply(found), unanswered);
    }
}
