package io.flowseg.config;

import java.util.Optional;

/**
 * Where this process's Kafka broker and schema registry are when they are not the configured
 * ones: the demo starts its own, whose addresses are known only once they run, after the
 * configuration was read. Empty means the configuration's addresses.
 */
public interface InfrastructureOverride {
    Optional<String> bootstrapServers();

    Optional<String> registryUrl();
}
