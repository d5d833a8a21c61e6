package io.flowseg.cli;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.model.UNetConfig;
import io.flowseg.model.VelocityModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;

/** Loads the model a command asked for, or the configured one, or the untrained default. */
@ApplicationScoped
public class ModelSource {
    private final FlowsegConfig.Model config;

    public ModelSource(FlowsegConfig config) {
        this.config = config.model();
    }

    public VelocityModel load(Path requested) throws IOException {
        Path path = requested != null ? requested : config.path().orElse(null);
        if (path != null) {
            return VelocityModel.load(path);
        }
        return VelocityModel.untrained(
                UNetConfig.preset(config.preset(), config.imageChannels(), config.resolution()), config.seed());
    }
}
