package io.flowseg.monitoring;

import io.flowseg.alerts.AlertPolicy;
import io.flowseg.alerts.AlertScope;
import io.flowseg.alerts.Comparator;
import io.flowseg.alerts.Severity;
import io.flowseg.config.Endpoints;
import io.flowseg.config.FlowsegConfig;
import io.flowseg.config.TopicNames;
import io.flowseg.uncertainty.UncertaintyFigure;
import io.flowseg.wire.ConfiguredWire;
import io.flowseg.wire.EventCodec;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.Topology;
import org.jboss.logging.Logger;

/**
 * The monitoring topology, which Quarkus' Kafka Streams extension runs, and the policy topic
 * beside it, both from the configuration ({@code flowseg.topics.*}, {@code flowseg.monitoring.*},
 * {@code flowseg.alerts.*}).
 */
@ApplicationScoped
public class TopologyProducer {
    /** Set by the serving commands only: for the batch commands the lookup finds no topology, and the extension starts nothing. */
    public static final String ENABLED = "flowseg-monitoring.enabled";
    private static final Logger LOG = Logger.getLogger(TopologyProducer.class);

    private final FlowsegConfig config;
    private final Endpoints endpoints;
    private final ConfiguredWire wire;

    public TopologyProducer(FlowsegConfig config, Endpoints endpoints, ConfiguredWire wire) {
        this.config = config;
        this.endpoints = endpoints;
        this.wire = wire;
    }

    @Produces
    @LookupIfProperty(name = ENABLED, stringValue = "true")
    Topology monitoringTopology(MonitoringListener listener) {
        return MonitoringTopology.build(settings(), new MonitoringSerdes(wire.registryClient(), wire.subjectNames(),
                wire.autoRegister()), listener);
    }

    /** Where the API writes policies; made on the first policy request, closed at shutdown. */
    @Produces
    @Singleton
    PolicyTopic policyTopic() {
        return new PolicyTopic(endpoints.kafka(), config.topics().policies(), wire.codec(wire.registryClient()));
    }

    void closePolicyTopic(@Disposes PolicyTopic topic) {
        topic.close();
    }

    public MonitoringSettings settings() {
        FlowsegConfig.Monitoring m = config.monitoring();
        return new MonitoringSettings(TopicNames.of(config.topics()), m.grace(), m.hourlyRetention(), m.dailyRetention(), m.deliveredRetention(), m.recentAlerts(),
                m.recentCases(), Endpoints.maxRequestBytes(endpoints.kafka()));
    }

    /** Writes the initial policy to a policy topic that never held one, before the topology reads it. */
    public void seedInitialPolicy(Map<String, Object> connection, EventCodec codec) {
        String topic = config.topics().policies();
        try (PolicyTopic policies = new PolicyTopic(connection, topic, codec)) {
            if (policies.seedIfNeverWritten(PolicyRecords.toRecord(initialPolicy(), Instant.now()), Duration.ofSeconds(30))) {
                LOG.infof("policy topic %s was empty: wrote the initial policy %s", topic, initialPolicy().id());
            }
        }
    }

    /** The policy an empty policy topic starts with ({@code flowseg.alerts.*}): every study in scope. */
    public AlertPolicy initialPolicy() {
        FlowsegConfig.Alerts a = config.alerts();
        return new AlertPolicy(a.policyId(), AlertScope.ANY, UncertaintyFigure.parse(a.figure()),
                Comparator.parse(a.comparator()), a.threshold(), Severity.valueOf(a.severity().toUpperCase(Locale.ROOT)),
                true, a.description());
    }
}
