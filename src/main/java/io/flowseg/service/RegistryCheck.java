package io.flowseg.service;

import io.flowseg.wire.SchemaRegistryClient;
import io.flowseg.wire.SchemaRegistryException;
import java.time.Duration;

/**
 * Asks the schema registry for the latest schema of a subject, as decoding and publishing would:
 * an answer, even "no such subject", means it can be used; a 401 or 403 means it refuses
 * flowseg's credentials. Events wait while it cannot be used (they are never dead-lettered for it).
 */
public final class RegistryCheck implements ConnectionWatch.Check {
    private final SchemaRegistryClient registry;
    private final String subject;

    public RegistryCheck(SchemaRegistryClient registry, String subject) {
        this.registry = registry;
        this.subject = subject;
    }

    /** The client's own timeouts and retries bound the time taken, not {@code timeout}. */
    @Override
    public ConnectionStatus check(Duration timeout) {
        try {
            registry.latestVersion(subject);
            return ConnectionStatus.REACHABLE;
        } catch (SchemaRegistryException e) {
            if (e.httpStatus() == 404) {
                return ConnectionStatus.REACHABLE;
            }
            if (e.httpStatus() == 401 || e.httpStatus() == 403) {
                return new ConnectionStatus(false, "the schema registry refused flowseg's credentials (HTTP "
                        + e.httpStatus() + "): check flowseg.registry.basic-auth-user-info");
            }
            return new ConnectionStatus(false, "the schema registry could not be asked: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        // the client belongs to the service
    }
}
