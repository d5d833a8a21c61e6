package io.flowseg.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jboss.logging.Logger;

/**
 * A stream thread that fails (a registry outage, a broker lost mid-transaction) is replaced and
 * resumes from the last committed state, so the topology recovers without a restart. Quarkus'
 * Kafka Streams extension installs this bean.
 */
@ApplicationScoped
public class ReplaceFailedThreads implements StreamsUncaughtExceptionHandler {
    private static final Logger LOG = Logger.getLogger(ReplaceFailedThreads.class);

    @Override
    public StreamThreadExceptionResponse handle(Throwable failure) {
        LOG.warnf("a monitoring stream thread failed (%s); replacing it", failure.getMessage());
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
