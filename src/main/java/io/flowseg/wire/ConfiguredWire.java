package io.flowseg.wire;

import io.flowseg.config.Endpoints;
import io.flowseg.config.FlowsegConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The registry client and the topics' codec as configured ({@code flowseg.registry.*}). */
@ApplicationScoped
public class ConfiguredWire {
    private final FlowsegConfig.Registry settings;
    private final Endpoints endpoints;

    public ConfiguredWire(FlowsegConfig config, Endpoints endpoints) {
        this.settings = config.registry();
        this.endpoints = endpoints;
    }

    /** A client of the registry the configuration (or the demo) names. */
    public SchemaRegistryClient registryClient() {
        return registryClient(endpoints.registryUrl());
    }

    /** A client of the registry at this URL, with the configured credentials and TLS. */
    public SchemaRegistryClient registryClient(String url) {
        RegistryClientConfig client = RegistryClientConfig.of(url);
        if (settings.basicAuthUserInfo().isPresent()) {
            client = client.withBasicAuth(settings.basicAuthUserInfo().get());
        }
        if (settings.trustStore().isPresent() || settings.keyStore().isPresent()) {
            client = client.withTls(new RegistryTls(settings.trustStore().orElse(null),
                    settings.trustStorePassword().orElse(null), settings.storeType(), settings.keyStore().orElse(null),
                    settings.keyStorePassword().orElse(null), settings.storeType(), null));
        }
        return SchemaRegistryClient.create(client);
    }

    /** Confluent's wire format through the registry, with the configured subject names. */
    public EventCodec codec(SchemaRegistryClient registry) {
        return new RegistryEventCodec(registry, subjectNames(), settings.autoRegister());
    }

    public SubjectNameStrategy subjectNames() {
        return SubjectNameStrategy.parse(settings.subjectNameStrategy());
    }

    public boolean autoRegister() {
        return settings.autoRegister();
    }
}
