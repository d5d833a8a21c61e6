package io.flowseg.cli;

import io.flowseg.alerts.AlertPolicy;
import io.flowseg.alerts.Comparator;
import io.flowseg.alerts.Severity;
import io.flowseg.alerts.UncertaintyFigure;
import io.flowseg.config.FlowsegConfig;
import io.flowseg.engine.SamplingSettings;
import io.flowseg.imaging.ImageLimits;
import io.flowseg.imaging.ModelInputPreparer;
import io.flowseg.model.VelocityModel;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.registry.RegistryClientConfig;
import io.flowseg.registry.RegistryTls;
import io.flowseg.registry.SchemaRegistryClient;
import io.flowseg.registry.SubjectNameStrategy;
import io.flowseg.streaming.EventCodec;
import io.flowseg.streaming.ProcessingListener;
import io.flowseg.streaming.ProcessorSettings;
import io.flowseg.streaming.RegistryEventCodec;
import io.flowseg.streaming.ResultEvents;
import io.flowseg.streaming.SamplingPolicy;
import io.flowseg.streaming.StudyIntake;
import io.flowseg.streaming.StudyService;
import io.flowseg.streaming.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Builds the streaming service from the configuration ({@code flowseg.*} and Kafka's {@code kafka.*}). */
@ApplicationScoped
public class ServiceAssembly {
    private final FlowsegConfig config;
    private final Map<String, Object> kafka;

    public ServiceAssembly(FlowsegConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.config = config;
        this.kafka = kafka;
    }

    /** The {@code kafka.*} settings (bootstrap servers, security), optionally with other bootstrap servers. */
    public Map<String, Object> connection(String bootstrapOverride) {
        Map<String, Object> connection = new HashMap<>(kafka);
        if (bootstrapOverride != null) {
            connection.put("bootstrap.servers", bootstrapOverride);
        }
        return connection;
    }

    public Topics topics() {
        FlowsegConfig.Topics t = config.topics();
        return new Topics(t.studies(), t.segmentations(), t.uncertainty(), t.alerts(), t.deadLetter());
    }

    /** The configured registry client, optionally at another URL (demo's embedded registry). */
    public SchemaRegistryClient registryClient(String urlOverride) {
        FlowsegConfig.Registry registry = config.registry();
        RegistryClientConfig client = RegistryClientConfig.of(urlOverride != null ? urlOverride : registry.url());
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
        ProcessorSettings settings = new ProcessorSettings(topics(), processor.pollTimeout(), processor.maxInFlight(),
                processor.maxMessageBytes(), processor.drainTimeout());
        StudyService.Parts parts = new StudyService.Parts(settings, codec, intake(model),
                () -> ConfiguredEngine.create(model.newPredictor(), config), processor.maxStudiesPerBatch(),
                new ResultEvents(model.info(), config.uncertainty().varianceLevel()), alertPolicy(), listener);
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

    public AlertPolicy alertPolicy() {
        FlowsegConfig.Alerts a = config.alerts();
        return new AlertPolicy(a.policyId(), UncertaintyFigure.parse(a.figure()), Comparator.parse(a.comparator()),
                a.threshold(), Severity.valueOf(a.severity().toUpperCase(Locale.ROOT)), a.description());
    }
}
