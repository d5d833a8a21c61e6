package io.flowseg.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Every flowseg setting, under the {@code flowseg.} prefix; defaults are documented in application.properties. */
@ConfigMapping(prefix = "flowseg")
public interface FlowsegConfig {

    Model model();

    Engine engine();

    Sampling sampling();

    Uncertainty uncertainty();

    ImageIntake image();

    /** Which velocity model to load. */
    interface Model {
        /** A flowseg model file or TorchScript archive; absent: the bundled trained model; {@code untrained}: a new network of {@link #preset()}. */
        Optional<Path> path();

        @WithDefault("small")
        String preset();

        @WithDefault("128")
        int resolution();

        @WithDefault("1")
        int imageChannels();

        @WithDefault("0")
        long seed();
    }

    /** How the engine batches work. */
    interface Engine {
        /** Rows per forward pass (a guided sample takes two). */
        @WithDefault("32")
        int maxBatch();
    }

    /** Default sampling settings of a request that sets none. */
    interface Sampling {
        @WithDefault("15")
        int samples();

        @WithDefault("0.3")
        float guidance();

        @WithDefault("100")
        int steps();

        @WithDefault("midpoint")
        String solver();
    }

    /** Uncertainty summary settings. */
    interface Uncertainty {
        /** A pixel is uncertain when its variance exceeds this. */
        @WithDefault("0.05")
        double varianceLevel();
    }

    /** Limits on incoming images. */
    interface ImageIntake {
        @WithDefault("4096")
        int maxWidth();

        @WithDefault("4096")
        int maxHeight();
    }
}
