package io.flowseg.service;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.config.TopicNames;
import io.flowseg.imaging.ImageLimits;
import io.flowseg.imaging.ModelInputPreparer;
import io.flowseg.model.VelocityModel;
import io.flowseg.monitoring.TopologyProducer;
import io.flowseg.sampling.SamplingSettings;
import io.flowseg.wire.AvroLimits;
import io.flowseg.wire.EventCodec;
import io.flowseg.wire.SchemaRegistryClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;

/** Builds the streaming service from the configuration ({@code flowseg.*} and Kafka's {@code kafka.*}). */
@ApplicationScoped
public class ServiceAssembly {
    private static final Logger LOG = Logger.getLogger(ServiceAssembly.class);
    private static final Duration CONNECTION_CHECK_INTERVAL = Duration.ofSeconds(5);

    private final FlowsegConfig config;
    private final TopologyProducer monitoring;

    public ServiceAssembly(FlowsegConfig config, TopologyProducer monitoring) {
        this.config = config;
        this.monitoring = monitoring;
    }

    /** Checks Kafka (these settings) and the registry every few seconds, for readiness and for serve's start. */
    public ServiceConnections watch(Map<String, Object> connection, SchemaRegistryClient registry) {
        return new ServiceConnections(
                ConnectionWatch.start("Kafka", new BrokerCheck(connection), CONNECTION_CHECK_INTERVAL),
                ConnectionWatch.start("The schema registry", new RegistryCheck(registry, config.topics().studies()
                        + "-value"), CONNECTION_CHECK_INTERVAL));
    }

    public TopicNames topics() {
        return TopicNames.of(config.topics());
    }

    /**
     * Creates the missing topics, and writes the initial policy to a policy topic that never held
     * one, before the monitoring topology reads it (the extension waits for its input topics).
     */
    public void prepareTopics(Map<String, Object> connection, EventCodec codec) {
        ServiceTopics.ensure(connection, topics());
        monitoring.seedInitialPolicy(connection, codec);
    }

    public StudyService start(VelocityModel model, EventCodec codec, Map<String, Object> connection,
                              ProcessingListener listener) {
        FlowsegConfig.Processor processor = config.processor();
        AvroLimits.requireAtLeast(processor.maxMessageBytes());
        ProcessorSettings settings = new ProcessorSettings(topics(), processor.pollTimeout(), processor.maxInFlight(),
                processor.maxMessageBytes(), processor.drainTimeout());
        StudyService.Parts parts = new StudyService.Parts(settings, codec, intake(model),
                () -> ConfiguredEngine.create(model.newPredictor(), config), processor.maxStudiesPerBatch(),
                new ResultEvents(model.info().name(), model.info().version(), config.uncertainty().varianceLevel(),
                        config.results().previewSize()),
                listener);
        return StudyService.start(parts, connection, processor.groupId(), processor.transactionalId());
    }

    /** Validation of incoming studies for this model, with the configured defaults and limits. */
    public StudyIntake intake(VelocityModel model) {
        FlowsegConfig.Limits limits = config.limits();
        SamplingSettings defaults = ConfiguredSampling.defaults(config);
        if (defaults.solver().tellsStepSize() && !model.stepConditioned()) {
            LOG.warnf("the default sampler (%s, %d %s steps) is meant for a step-conditioned model, but %s has no step "
                    + "conditioning: its studies run as plain Euler steps, far from the paper's quality. Serve a model "
                    + "trained with --shortcut, or set flowseg.sampling.preset to paper", defaults.preset(), defaults.steps(),
                    defaults.solver().id(), model.info().name());
        }
        SamplingPolicy policy = new SamplingPolicy(defaults, ConfiguredSampling.presets(config),
                limits.maxSamples(), limits.maxSteps(), limits.minGuidance(), limits.maxGuidance());
        return new StudyIntake(policy, new ImageLimits(config.image().maxWidth(), config.image().maxHeight()),
                new ModelInputPreparer(model.info().imageChannels(), model.info().resolution(), model.info().view()),
                model.info().name());
    }
}
