package io.flowseg.benchmark;

import io.flowseg.config.Endpoints;
import io.flowseg.config.TopicNames;
import io.flowseg.embedded.EmbeddedStack;
import io.flowseg.model.VelocityModel;
import io.flowseg.service.ModelSource;
import io.flowseg.service.ProcessingListener;
import io.flowseg.service.ServiceAssembly;
import io.flowseg.service.StudyIntake;
import io.flowseg.service.StudyService;
import io.flowseg.wire.ConfiguredWire;
import io.flowseg.wire.EventCodec;
import io.flowseg.wire.SchemaRegistryClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Map;

/**
 * What the benchmarks through Kafka run on: the embedded broker and registry with the service's
 * topics, the configured model, and the service itself, assembled as {@code serve} assembles it.
 */
@ApplicationScoped
public class BenchStack {
    private final ModelSource models;
    private final ServiceAssembly assembly;
    private final Endpoints endpoints;
    private final ConfiguredWire wire;

    public BenchStack(ModelSource models, ServiceAssembly assembly, Endpoints endpoints, ConfiguredWire wire) {
        this.models = models;
        this.assembly = assembly;
        this.endpoints = endpoints;
        this.wire = wire;
    }

    /** Starts the broker and registry, makes the topics and loads the model. */
    Running start() throws IOException {
        EmbeddedStack stack = EmbeddedStack.start();
        try {
            Map<String, Object> connection = endpoints.kafka(stack.bootstrapServers());
            SchemaRegistryClient client = wire.registryClient(stack.registryUrl());
            EventCodec codec = wire.codec(client);
            assembly.prepareTopics(connection, codec);
            return new Running(stack, models.loadVelocityField(null), connection, client, codec);
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** The started stack; closing it unloads the model and stops the broker and registry. */
    final class Running implements AutoCloseable {
        final EmbeddedStack stack;
        final VelocityModel model;
        final Map<String, Object> connection;
        final SchemaRegistryClient client;
        final EventCodec codec;

        private Running(EmbeddedStack stack, VelocityModel model, Map<String, Object> connection,
                        SchemaRegistryClient client, EventCodec codec) {
            this.stack = stack;
            this.model = model;
            this.connection = connection;
            this.client = client;
            this.codec = codec;
        }

        TopicNames topics() {
            return assembly.topics();
        }

        /** The service on this stack, as serve runs it. */
        StudyService startService() {
            return assembly.start(model, codec, connection, ProcessingListener.NONE);
        }

        StudyIntake intake() {
            return assembly.intake(model);
        }

        @Override
        public void close() {
            try {
                model.close();
            } finally {
                stack.close();
            }
        }
    }
}
