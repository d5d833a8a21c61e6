package io.flowseg.service;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.model.UNetConfig;
import io.flowseg.model.VelocityModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads the model a command asked for, or the configured one, or the trained model bundled with
 * flowseg; {@value #UNTRAINED} asks for a freshly initialised network of the configured preset.
 */
@ApplicationScoped
public class ModelSource {
    /** The trained default model, on the class path. */
    public static final String BUNDLED = "models/flowseg-small-32-centre.flowseg";
    /** The model path that asks for an untrained network (for plumbing checks without weights). */
    public static final String UNTRAINED = "untrained";

    private final FlowsegConfig.Model config;

    public ModelSource(FlowsegConfig config) {
        this.config = config.model();
    }

    /** Any model: a velocity field or a baseline (for eval). */
    public VelocityModel load(Path requested) throws IOException {
        Path path = requested != null ? requested : config.path().orElse(null);
        if (path == null) {
            return VelocityModel.loadResource(BUNDLED);
        }
        if (path.toString().equals(UNTRAINED)) {
            return VelocityModel.untrained(
                    UNetConfig.preset(config.preset(), config.imageChannels(), config.resolution()), config.seed());
        }
        return VelocityModel.load(path);
    }

    /** A model to sample from: a flow-matching velocity field, not a baseline. */
    public VelocityModel loadVelocityField(Path requested) throws IOException {
        VelocityModel model = load(requested);
        if (!VelocityModel.FLOW_MATCHING.equals(model.objective())) {
            String message = model.info().name() + " was trained as a " + model.objective()
                    + " baseline; sampling needs a flow-matching model";
            model.close();
            throw new IllegalArgumentException(message);
        }
        return model;
    }
}
