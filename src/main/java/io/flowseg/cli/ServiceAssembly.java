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
import io.flowseg.streaming.EventCodec;
import io.flowseg.streaming.ProcessingListener;
import io.flowseg.streaming.ProcessorSettings;
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

    private StudyIntake intake(VelocityModel model) {
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
