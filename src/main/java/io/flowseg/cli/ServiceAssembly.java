package io.flowseg.cli;

import io.flowseg.alerts.AlertPolicy;
import io.flowseg.alerts.Comparator;
import io.flowseg.alerts.PolicyScope;
import io.flowseg.alerts.Severity;
import io.flowseg.alerts.UncertaintyFigure;
import io.flowseg.config.FlowsegConfig;
import io.flowseg.engine.SamplingSettings;
import io.flowseg.imaging.ImageLimits;
import io.flowseg.imaging.ModelInputPreparer;
import io.flowseg.model.VelocityModel;
import io.flowseg.monitoring.MonitoringListener;
import io.flowseg.monitoring.MonitoringSerdes;
import io.flowseg.monitoring.MonitoringSettings;
import io.flowseg.monitoring.MonitoringTopology;
import io.flowseg.monitoring.PolicyRecords;
import io.flowseg.monitoring.PolicyTopic;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.registry.AvroLimits;
import io.flowseg.registry.RegistryClientConfig;
import io.flowseg.registry.RegistryTls;
import io.flowseg.registry.SchemaRegistryClient;
import io.flowseg.registry.SubjectNameStrategy;
import io.flowseg.streaming.BrokerCheck;
import io.flowseg.streaming.ConnectionWatch;
import io.flowseg.streaming.RegistryCheck;
import io.flowseg.streaming.ServiceConnections;
import io.flowseg.streaming.EventCodec;
import io.flowseg.streaming.ProcessingListener;
import io.flowseg.streaming.ProcessorSettings;
import io.flowseg.streaming.RegistryEventCodec;
import io.flowseg.streaming.ResultEvents;
import io.flowseg.streaming.SamplingPolicy;
import io.flowseg.streaming.StudyIntake;
import io.flowseg.streaming.StudyService;
import io.flowseg.streaming.Topics;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.Topology;
import org.jboss.logging.Logger;

/**
 * Builds the streaming service and the monitoring topology from the configuration
 * ({@code flowseg.*} and Kafka's {@code kafka.*}).
 */
@ApplicationScoped
public class ServiceAssembly {
    private static final Logger LOG = Logger.getLogger(ServiceAssembly.class);
    private static final Duration CONNECTION_CHECK_INTERVAL = Duration.ofSeconds(5);

    private final FlowsegConfig config;
    private final Map<String, Object> kafka;
    private final DemoInfrastructure demo;

    public ServiceAssembly(FlowsegConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka,
                           DemoInfrastructure demo) {
        this.config = config;
        this.kafka = kafka;
        this.demo = demo;
    }

    /**
     * The {@code kafka.*} settings (bootstrap servers, security), optionally with other bootstrap
     * servers; in the demo, its in-process broker's.
     */
    public Map<String, Object> connection(String bootstrapOverride) {
        Map<String, Object> connection = new HashMap<>(kafka);
        String servers = bootstrapOverride != null ? bootstrapOverride : demo.bootstrapServers().orElse(null);
        if (servers != null) {
            connection.put("bootstrap.servers", servers);
        }
        return connection;
    }

    /** Checks Kafka (these settings) and the registry every few seconds, for readiness and for serve's start. */
    public ServiceConnections watch(Map<String, Object> connection, SchemaRegistryClient registry) {
        return new ServiceConnections(
                ConnectionWatch.start("Kafka", new BrokerCheck(connection), CONNECTION_CHECK_INTERVAL),
                ConnectionWatch.start("The schema registry", new RegistryCheck(registry, config.topics().studies()
                        + "-value"), CONNECTION_CHECK_INTERVAL));
    }

    public Topics topics() {
        FlowsegConfig.Topics t = config.topics();
        return new Topics(t.studies(), t.segmentations(), t.uncertainty(), t.alerts(), t.deadLetter());
    }

    /**
     * The monitoring topology, which Quarkus' Kafka Streams extension runs. Only the serving
     * commands enable it ({@link FlowsegMain}); for the batch commands the lookup finds no
     * topology, and the extension starts nothing.
     */
    @Produces
    @LookupIfProperty(name = FlowsegMain.MONITORING_ENABLED, stringValue = "true")
    Topology monitoringTopology(MonitoringListener listener) {
        FlowsegConfig.Registry registry = config.registry();
        return MonitoringTopology.build(monitoringSettings(), new MonitoringSerdes(registryClient(null),
                SubjectNameStrategy.parse(registry.subjectNameStrategy()), registry.autoRegister()), listener);
    }

    /** Where the API writes policies; made on the first policy request, closed at shutdown. */
    @Produces
    @Singleton
    PolicyTopic policyTopic() {
        return new PolicyTopic(connection(null), config.topics().policies(), codec(registryClient(null)));
    }

    void closePolicyTopic(@Disposes PolicyTopic topic) {
        topic.close();
    }

    public MonitoringSettings monitoringSettings() {
        FlowsegConfig.Topics t = config.topics();
        FlowsegConfig.Monitoring m = config.monitoring();
        return new MonitoringSettings(t.uncertainty(), t.segmentations(), t.policies(), t.alerts(), t.statistics(),
                m.grace(), m.hourlyRetention(), m.dailyRetention(), m.deliveredRetention(), m.recentAlerts(),
                m.recentCases());
    }

    /**
     * Creates the missing topics, and writes the initial policy to a policy topic that never held
     * one, before the monitoring topology reads it (the extension waits for its input topics).
     */
    public void prepareTopics(Map<String, Object> connection, EventCodec codec) {
        FlowsegConfig.Topics t = config.topics();
        ServiceTopics.ensure(connection, topics(), t.policies(), t.statistics());
        try (PolicyTopic policies = new PolicyTopic(connection, t.policies(), codec)) {
            if (policies.seedIfNeverWritten(PolicyRecords.toRecord(initialPolicy(), Instant.now()), Duration.ofSeconds(30))) {
                LOG.infof("policy topic %s was empty: wrote the initial policy %s", t.policies(), initialPolicy().id());
            }
        }
    }

    /** The configured registry client, optionally at another URL; in the demo, its in-process registry. */
    public SchemaRegistryClient registryClient(String urlOverride) {
        FlowsegConfig.Registry registry = config.registry();
        String url = urlOverride != null ? urlOverride : demo.registryUrl().orElse(registry.url());
        RegistryClientConfig client = RegistryClientConfig.of(url);
        if (registry.basicAuthUserInfo().isPresent()) {
            client = client.withBasicAuth(registry.basicAuthUserInfo().get());
        }
        if (registry.trustStore().isPresent() || registry.keyStore().isPresent()) {
            client = client.withTls(new RegistryTls(registry.trustStore().orElse(null),
                    registry.trustStorePassword().orElse(null), registry.storeType(), registry.keyStore().orElse(null),
                    registry.keyStorePassword().orElse(null), registry.storeType(), null));
        }
        return SchemaRegistryClient.create(client);
    }

    /** Confluent's wire format through the registry, with the configured subject names. */
    public EventCodec codec(SchemaRegistryClient registry) {
        FlowsegConfig.Registry settings = config.registry();
        return new RegistryEventCodec(registry, SubjectNameStrategy.parse(settings.subjectNameStrategy()),
                settings.autoRegister());
    }

    public StudyService start(VelocityModel model, EventCodec codec, Map<String, Object> connection,
                              ProcessingListener listener) {
        FlowsegConfig.Processor processor = config.processor();
        AvroLimits.requireAtLeast(processor.maxMessageBytes());
        ProcessorSettings settings = new ProcessorSettings(topics(), processor.pollTimeout(), processor.maxInFlight(),
                processor.maxMessageBytes(), processor.drainTimeout());
        StudyService.Parts parts = new StudyService.Parts(settings, codec, intake(model),
                () -> ConfiguredEngine.create(model.newPredictor(), config), processor.maxStudiesPerBatch(),
                new ResultEvents(model.info(), config.uncertainty().varianceLevel(), config.results().previewSize()),
                listener);
        return StudyService.start(parts, connection, processor.groupId(), processor.transactionalId());
    }

    /** Validation of incoming studies for this model, with the configured defaults and limits. */
    public StudyIntake intake(VelocityModel model) {
        FlowsegConfig.Sampling s = config.sampling();
        FlowsegConfig.Limits limits = config.limits();
        SamplingSettings defaults = new SamplingSettings(s.samples(), s.guidance(), s.steps(),
                OdeSolver.parse(s.solver()), null);
        SamplingPolicy policy = new SamplingPolicy(defaults, limits.maxSamples(), limits.maxSteps(),
                limits.minGuidance(), limits.maxGuidance());
        return new StudyIntake(policy, new ImageLimits(config.image().maxWidth(), config.image().maxHeight()),
                new ModelInputPreparer(model.info().imageChannels(), model.info().resolution()), model.info().name());
    }

    /** The policy an empty policy topic starts with ({@code flowseg.alerts.*}): every study in scope. */
    public AlertPolicy initialPolicy() {
        FlowsegConfig.Alerts a = config.alerts();
        return new AlertPolicy(a.policyId(), PolicyScope.ANY, UncertaintyFigure.parse(a.figure()),
                Comparator.parse(a.comparator()), a.threshold(), Severity.valueOf(a.severity().toUpperCase(Locale.ROOT)),
                true, a.description());
    }
}
