package io.flowseg.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Every flowseg setting, under the {@code flowseg.} prefix; defaults are documented in application.properties. */
@ConfigMapping(prefix = "flowseg")
public interface FlowsegConfig {

    Model model();

    Engine engine();

    Sampling sampling();

    Uncertainty uncertainty();

    ImageIntake image();

    Topics topics();

    Processor processor();

    Limits limits();

    Alerts alerts();

    Results results();

    Monitoring monitoring();

    Registry registry();

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
        /** Rows per forward pass (a guided sample takes two), or {@code auto}: measured on the device at start-up. */
        @WithDefault("64")
        MaxBatch maxBatch();
    }

    /** Default sampling settings of a request that sets none. */
    interface Sampling {
        @WithDefault("15")
        int samples();

        @WithDefault("0.3")
        float guidance();

        /** The preset whose steps and solver a request gets when it names none. */
        @WithDefault("paper")
        String preset();

        /** Overrides the default preset's steps when set. */
        Optional<Integer> steps();

        /** Overrides the default preset's solver when set. */
        Optional<String> solver();

        /** The named presets a request or command may ask for. */
        Map<String, Preset> presets();

        /** One named preset ({@code flowseg.sampling.presets.<name>.steps} and {@code .solver}). */
        interface Preset {
            int steps();

            String solver();
        }
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

    /** Topic names; the constants are their defaults. */
    interface Topics {
        String STUDIES = "flowseg.studies";
        String SEGMENTATIONS = "flowseg.segmentations";
        String UNCERTAINTY = "flowseg.uncertainty-maps";
        String ALERTS = "flowseg.alerts";
        String DEAD_LETTER = "flowseg.studies.dead-letter";
        /** ThresholdPolicy records (compacted), read by the monitoring topology. */
        String POLICIES = "flowseg.policies";
        /** UncertaintyStatistics records, written by the monitoring topology. */
        String STATISTICS = "flowseg.statistics";

        /** ImageStudy events in. */
        @WithDefault(STUDIES)
        String studies();

        /** SegmentationResult events out. */
        @WithDefault(SEGMENTATIONS)
        String segmentations();

        /** UncertaintyMap events out. */
        @WithDefault(UNCERTAINTY)
        String uncertainty();

        /** UncertaintyAlert events, written by the monitoring topology. */
        @WithDefault(ALERTS)
        String alerts();

        /** StudyRejected records out. */
        @WithDefault(DEAD_LETTER)
        String deadLetter();

        @WithDefault(POLICIES)
        String policies();

        @WithDefault(STATISTICS)
        String statistics();
    }

    /** How the service consumes, batches and commits. */
    interface Processor {
        @WithDefault("flowseg")
        String groupId();

        /** Must be stable per instance and unique across instances (README: exactly once). */
        @WithDefault("flowseg-${HOSTNAME:local}")
        String transactionalId();

        @WithDefault("100ms")
        Duration pollTimeout();

        @WithDefault("32")
        int maxInFlight();

        @WithDefault("8")
        int maxStudiesPerBatch();

        /** The default of {@link #maxMessageBytes()}, 16 MiB. */
        String DEFAULT_MAX_MESSAGE_BYTES = "16777216";

        @WithDefault(DEFAULT_MAX_MESSAGE_BYTES)
        int maxMessageBytes();

        @WithDefault("60s")
        Duration drainTimeout();
    }

    /** Bounds a request's own sampling settings must respect. */
    interface Limits {
        @WithDefault("64")
        int maxSamples();

        @WithDefault("500")
        int maxSteps();

        @WithDefault("0")
        float minGuidance();

        @WithDefault("10")
        float maxGuidance();
    }

    /** The policy written to an empty policy topic when serve or demo first starts (README: alert policies). */
    interface Alerts {
        @WithDefault("default-uncertain-region")
        String policyId();

        @WithDefault("meanVarianceForeground")
        String figure();

        @WithDefault("GT")
        String comparator();

        @WithDefault("0.15")
        double threshold();

        @WithDefault("WARNING")
        String severity();

        @WithDefault("The samples disagree strongly inside the segmented region: review this segmentation.")
        String description();
    }

    /** What result events carry beyond the contract's required fields. */
    interface Results {
        /** Longer side of the image preview in segmentation results, in pixels; 0 leaves previews out. */
        @WithDefault("512")
        int previewSize();
    }

    /** The monitoring topology: alerts under the policies, statistics, the dashboard's stores. */
    interface Monitoring {
        /** How late in acquisition time a study may arrive and still count in its statistics window. */
        @WithDefault("30m")
        Duration grace();

        @WithDefault("7d")
        Duration hourlyRetention();

        @WithDefault("90d")
        Duration dailyRetention();

        /** How long a study is remembered, so a re-delivered result raises no second alert. */
        @WithDefault("7d")
        Duration deliveredRetention();

        /** Alerts kept for /api/alerts, per input partition. */
        @WithDefault("500")
        int recentAlerts();

        /** Alerted studies whose images the dashboard keeps, per input partition. */
        @WithDefault("50")
        int recentCases();

        /** How long a policy write through the API waits to see the policy in effect. */
        @WithDefault("10s")
        Duration policyWriteTimeout();

        /**
         * host:port at which the other instances reach this one's HTTP port: Kafka Streams'
         * application.server, so that its metadata tells which instance holds a study.
         */
        @WithDefault("${HOSTNAME:localhost}:${quarkus.http.port:8080}")
        String advertisedAddress();

        /** How long a question to another instance may take before the answer goes without it. */
        @WithDefault("2s")
        Duration peerTimeout();
    }

    /** The schema registry of serve (demo starts its own embedded one). */
    interface Registry {
        /** One URL or a comma-separated list, tried in turn. */
        @WithDefault("http://localhost:8081")
        String url();

        /** {@code user:password} for basic auth. */
        Optional<String> basicAuthUserInfo();

        /** Register flowseg's output schemas on first use; off: they must be registered already. */
        @WithDefault("true")
        boolean autoRegister();

        /** TOPIC_NAME, RECORD_NAME or TOPIC_RECORD_NAME (or Confluent's class names). */
        @WithDefault("TOPIC_NAME")
        String subjectNameStrategy();

        /** PKCS12 or JKS trust store holding the registry's certificate or CA (HTTPS). */
        Optional<Path> trustStore();

        Optional<String> trustStorePassword();

        /** PKCS12 or JKS key store with this client's certificate (mutual TLS). */
        Optional<Path> keyStore();

        Optional<String> keyStorePassword();

        @WithDefault("PKCS12")
        String storeType();
    }
}
