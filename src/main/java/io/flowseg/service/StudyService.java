package io.flowseg.service;

import io.flowseg.engine.Dispatcher;
import io.flowseg.engine.SegmentationEngine;
import io.flowseg.wire.EventCodec;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.jboss.logging.Logger;

/**
 * The running service: a processor thread consuming studies and a dispatcher thread sampling
 * them. {@link #close} shuts down gracefully: no new events are taken, studies in progress are
 * finished and published, then the clients close.
 */
public final class StudyService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StudyService.class);

    private final StudyProcessor processor;
    private final Dispatcher dispatcher;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final OutputLimit outputLimit;
    private final Thread thread;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    /** Everything the service is made of, apart from the Kafka connection. */
    public record Parts(ProcessorSettings settings, EventCodec codec, StudyIntake intake,
                       Supplier<SegmentationEngine> engines, int maxStudiesPerBatch, ResultEvents events,
                       ProcessingListener listener) {
    }

    private StudyService(Parts parts, Map<String, Object> connection, String groupId, String transactionalId) {
        this.dispatcher = new Dispatcher(parts.engines(), parts.maxStudiesPerBatch(), parts.listener()::batched);
        this.consumer = KafkaClients.studyConsumer(connection, groupId, parts.settings().maxInFlight());
        this.producer = KafkaClients.resultProducer(connection, transactionalId);
        this.outputLimit = OutputLimit.of(connection);
        this.processor = new StudyProcessor(parts.settings(), consumer, producer, outputLimit, parts.codec(),
                parts.intake(), dispatcher, parts.events(), parts.listener());
        this.thread = new Thread(this::run, "flowseg-processor");
    }

    /** Starts consuming at once. */
    public static StudyService start(Parts parts, Map<String, Object> connection, String groupId,
                                     String transactionalId) {
        StudyService service = new StudyService(parts, connection, groupId, transactionalId);
        service.thread.start();
        return service;
    }

    private void run() {
        try {
            processor.run();
            stopped.complete(null);
        } catch (RuntimeException e) {
            LOG.error("the study processor stopped on an error", e);
            stopped.completeExceptionally(e);
        } finally {
            dispatcher.close();
            consumer.close(Duration.ofSeconds(10));
            producer.close(Duration.ofSeconds(10));
            outputLimit.close();
        }
    }

    /** Completes when the processor has stopped: normally after {@link #close}, exceptionally on a fatal error. */
    public CompletableFuture<Void> stopped() {
        return stopped;
    }

    /** Stops taking events, finishes and commits the studies in progress, closes the clients; idempotent. */
    @Override
    public void close() {
        if (!thread.isAlive()) {
            return;
        }
        processor.stop();
        try {
            thread.join();
            if (!stopped.isCompletedExceptionally()) {
                LOG.info("stopped gracefully: the studies in progress were finished and committed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
