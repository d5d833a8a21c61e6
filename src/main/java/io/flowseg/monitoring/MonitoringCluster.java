package io.flowseg.monitoring;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.config.TopicNames;
import io.flowseg.wire.ConfiguredWire;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The instances of the monitoring topology as one, for the API: the whole cluster's stores
 * ({@link #queries()}), and this instance's answers to the others ({@link #answers()}).
 */
@ApplicationScoped
public class MonitoringCluster {
    private final MonitoringStreams streams;
    private final HostInfo self;
    private final PeerClient peers;
    private final PeerAnswers answers;
    private final Serializer<String> keys;

    public MonitoringCluster(MonitoringStreams streams, FlowsegConfig config, ConfiguredWire wire) {
        MonitoringSerdes serdes = new MonitoringSerdes(wire.registryClient(), wire.subjectNames(), wire.autoRegister());
        this.streams = streams;
        this.self = HostInfo.buildFromEndpoint(config.monitoring().advertisedAddress());
        this.peers = new PeerClient(config.monitoring().peerTimeout());
        this.answers = new PeerAnswers(serdes, TopicNames.of(config.topics()));
        // The service writes study ids with this serializer; their bytes decide the partition.
        this.keys = serdes.key().serializer();
    }

    /** The whole cluster's stores; throws {@link InvalidStateStoreException} (503 from the API) while no topology runs. */
    public ClusterQueries queries() {
        return new ClusterQueries(streams.kafkaStreams(), self, keys, peers, answers);
    }

    /** The local answers as the other instances read them. */
    public PeerAnswers answers() {
        return answers;
    }

    /** This instance's stores only: what it answers another instance. */
    public MonitoringQueries local() {
        return streams.queries();
    }
}
