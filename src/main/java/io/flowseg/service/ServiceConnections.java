package io.flowseg.service;

/** The watches on what the service depends on, which readiness reports; closed together on shutdown. */
public record ServiceConnections(ConnectionWatch kafka, ConnectionWatch registry) implements AutoCloseable {

    @Override
    public void close() {
        registry.close();
        kafka.close();
    }
}
