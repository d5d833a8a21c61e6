package io.flowseg.service;

import io.flowseg.config.TopicNames;
import io.flowseg.engine.DispatchedStudy;
import io.flowseg.engine.Dispatcher;
import io.flowseg.engine.Priority;
import io.flowseg.events.ImageStudy;
import io.flowseg.events.SettingsUsed;
import io.flowseg.events.StudyRef;
import io.flowseg.events.StudyRejected;
import io.flowseg.events.Timings;
import io.flowseg.wire.DecodingFailure;
import io.flowseg.wire.EventCodec;
import io.flowseg.wire.EventDecodingException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The service's consume-process-produce loop, exactly once: ImageStudy events in; segmentation
 * and uncertainty map (or a dead letter) out; all of a study's outputs and its input offset
 * in one Kafka transaction, so a read_committed consumer sees each study's results exactly once
 * however the process dies.
 *
 * <p>The loop never waits for the engine. It hands valid studies to the {@link Dispatcher} and
 * keeps polling (so GPU work never pushes it past {@code max.poll.interval.ms}); after every
 * poll it publishes whatever has finished, a STAT study ahead of the routine ones taken before
 * it (one key's results still in order), and commits each partition's first unpublished offset
 * with the offsets published beyond it ({@link PartitionWork}). When too many studies are in
 * flight it pauses its partitions. On a failed transaction it aborts and rewinds to the committed
 * offsets: what was not committed is simply done again.
 */
public final class StudyProcessor implements Runnable {
    private static final Logger LOG = Logger.getLogger(StudyProcessor.class);

    private final ProcessorSettings settings;
    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final OutputLimit outputLimit;
    private final EventCodec codec;
    private final StudyIntake intake;
    private final Dispatcher dispatcher;
    private final ResultEvents events;
    private final ProcessingListener listener;
    /** Builds the output records (PNG encoding) off the engine's thread. */
    private final ExecutorService encoder = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "flowseg-encode");
        thread.setDaemon(true);
        return thread;
    });
    /**
     * Offsets a partition's commit may name beyond its first unpublished one; their bitset stays
     * well inside Kafka's 4 KiB limit on commit metadata ({@code offset.metadata.max.bytes}).
     */
    static final int MAX_WINDOW = 16_384;

    private final Map<TopicPartition, PartitionWork<Outcome>> work = new HashMap<>();
    private volatile boolean running = true;

    public StudyProcessor(ProcessorSettings settings, Consumer<byte[], byte[]> consumer,
                          Producer<byte[], byte[]> producer, OutputLimit outputLimit, EventCodec codec,
                          StudyIntake intake, Dispatcher dispatcher, ResultEvents events, ProcessingListener listener) {
        this.settings = settings;
        this.outputLimit = outputLimit;
        this.consumer = consumer;
        this.producer = producer;
        this.codec = codec;
        this.intake = intake;
        this.dispatcher = dispatcher;
        this.events = events;
        this.listener = listener;
    }

    @Override
    public void run() {
        try {
            if (!initTransactions()) {
                return;
            }
            consumer.subscribe(List.of(settings.topics().studies()), new DropRevokedWork());
            while (running) {
                try {
                    Set<TopicPartition> retrying = new HashSet<>();
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(settings.pollTimeout())) {
                        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                        if (!retrying.contains(partition) && !take(partition, record)) {
                            retrying.add(partition);
                        }
                    }
                } catch (WakeupException e) {
                    // stop() woke the poll up; the loop condition decides
                }
                applyBackPressure();
                publishFinished();
            }
            drain();
        } finally {
            encoder.shutdownNow();
        }
    }

    /**
     * Registers the transactional producer, waiting for as long as the broker cannot be reached
     * (the service stays up and unready meanwhile); false when stopped before it could.
     */
    private boolean initTransactions() {
        while (running) {
            try {
                producer.initTransactions();
                return true;
            } catch (TimeoutException e) {
                LOG.warnf("waiting for the Kafka broker: %s", e.getMessage());
            }
        }
        return false;
    }

    /** Stops taking events; studies in progress finish and are published before {@link #run} returns. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    /**
     * Starts the work of one event; false when the registry or the partition's committed offset could
     * not be read, in which case the partition is rewound to this event, to be tried again on a later
     * poll (never dead-lettered).
     */
    private boolean take(TopicPartition partition, ConsumerRecord<byte[], byte[]> record) {
        PartitionWork<Outcome> partitionWork;
        try {
            partitionWork = workOf(partition);
        } catch (TimeoutException e) {
            LOG.warnf("%s-%d@%d waits for its committed offset: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            consumer.seek(partition, record.offset());
            return false;
        }
        if (partitionWork.skip(record.offset())) {
            return true; // published before a restart or a rebalance, in a committed transaction
        }
        CompletableFuture<Outcome> outcome;
        try {
            outcome = outcomeOf(record);
        } catch (EventCodec.TransientCodecException e) {
            LOG.warnf("%s-%d@%d waits for the schema registry: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            consumer.seek(partition, record.offset());
            return false;
        }
        partitionWork.add(record.offset(), record.key(), outcome);
        return true;
    }

    /** A partition's work, resumed from its committed offset and metadata the first time it is needed. */
    private PartitionWork<Outcome> workOf(TopicPartition partition) {
        return work.computeIfAbsent(partition, p -> new PartitionWork<>(consumer.committed(Set.of(p)).get(p)));
    }

    private CompletableFuture<Outcome> outcomeOf(ConsumerRecord<byte[], byte[]> record) {
        ImageStudy event = null;
        try {
            event = decode(record);
            ImageStudy study = event;
            CompletableFuture<DispatchedStudy> sampled = dispatcher.submit(intake.admit(event),
                    StudyIntake.priority(event.getPriority()));
            CompletableFuture<Outcome> outcome = sampled.handleAsync((done, failure) -> failure == null
                    ? resultsOf(record, study, done)
                    : deadLetter(record, study, processingFailed(failure)), encoder);
            // Dropped work (see PartitionWork.cancelUnfinished) leaves the engine instead of being sampled for nothing.
            outcome.whenComplete((ignored, failure) -> {
                if (failure instanceof CancellationException) {
                    sampled.cancel(false);
                }
            });
            return outcome;
        } catch (StudyRejectedException e) {
            return CompletableFuture.completedFuture(deadLetter(record, event, e));
        } catch (EventCodec.TransientCodecException e) {
            throw e;
        } catch (RuntimeException e) {
            // A defect must cost one event, never stop the service.
            return CompletableFuture.completedFuture(deadLetter(record, event, processingFailed(e)));
        }
    }

    private Outcome resultsOf(ConsumerRecord<byte[], byte[]> record, ImageStudy event, DispatchedStudy done) {
        try {
            return results(record, event, done);
        } catch (EventCodec.TransientCodecException e) {
            throw e; // fails the transaction, which rewinds: the study is done again once the registry is back
        } catch (RuntimeException e) {
            return deadLetter(record, event, processingFailed(e));
        }
    }

    private static StudyRejectedException processingFailed(Throwable failure) {
        return new StudyRejectedException(RejectReason.Service.PROCESSING_FAILED,
                "processing failed on this study: " + Failures.rootMessage(failure), failure);
    }

    private ImageStudy decode(ConsumerRecord<byte[], byte[]> record) throws StudyRejectedException {
        byte[] value = record.value();
        if (value == null) {
            throw new StudyRejectedException(RejectReason.of(DecodingFailure.UNDECODABLE_EVENT), "the event has no value (a tombstone)");
        }
        if (value.length > settings.maxMessageBytes()) {
            throw new StudyRejectedException(RejectReason.Service.MESSAGE_TOO_LARGE, "the event has " + value.length
                    + " bytes, more than the limit of " + settings.maxMessageBytes());
        }
        try {
            return codec.decodeStudy(value);
        } catch (EventDecodingException e) {
            throw new StudyRejectedException(RejectReason.of(e.reason()), e.getMessage(), e);
        }
    }

    private Outcome results(ConsumerRecord<byte[], byte[]> record, ImageStudy event, DispatchedStudy done) {
        TopicNames topics = settings.topics();
        StudyRef study = ResultEvents.reference(event);
        Instant completedAt = Instant.now();
        Timings timings = ResultEvents.timings(done.queuedMs(), done.samplingMs(),
                Math.max(0, completedAt.toEpochMilli() - record.timestamp()), completedAt);
        SettingsUsed used = events.settings(done.result());
        List<ProducerRecord<byte[], byte[]>> outputs = new ArrayList<>(2);
        outputs.add(output(topics.segmentations(), event, events.segmentation(study, done.result(), used, timings)));
        outputs.add(output(topics.uncertainty(), event, events.uncertainty(study, done.result(), used, timings)));
        for (ProducerRecord<byte[], byte[]> output : outputs) {
            Optional<OutputLimit.Exceeded> exceeded = outputLimit.check(output);
            if (exceeded.isPresent()) {
                return deadLetter(record, event, new StudyRejectedException(RejectReason.Service.RESULT_TOO_LARGE,
                        exceeded.get().describe(output.topic())));
            }
        }
        return new Outcome(outputs, null, StudyIntake.priority(event.getPriority()), timings);
    }

    private ProducerRecord<byte[], byte[]> output(String topic, ImageStudy event, SpecificRecord value) {
        return new ProducerRecord<>(topic, codec.encodeKey(topic, event.getStudyId()), codec.encodeValue(topic, value));
    }

    private Outcome deadLetter(ConsumerRecord<byte[], byte[]> record, ImageStudy event,
                               StudyRejectedException reason) {
        String topic = settings.topics().deadLetter();
        StudyRejected.Builder rejected = StudyRejected.newBuilder()
                .setReasonCode(reason.reason().code())
                .setMessage(reason.getMessage())
                .setStudyId(event != null ? event.getStudyId() : null)
                .setSourceTopic(record.topic())
                .setSourcePartition(record.partition())
                .setSourceOffset(record.offset())
                .setSourceTimestamp(Instant.ofEpochMilli(Math.max(0, record.timestamp())))
                .setOriginalKey(record.key() != null ? ByteBuffer.wrap(record.key()) : null)
                .setOriginalValue(record.value() != null ? ByteBuffer.wrap(record.value()) : null)
                .setRejectedAt(Instant.now());
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(topic, record.key(),
                codec.encodeValue(topic, rejected.build()));
        Optional<OutputLimit.Exceeded> exceeded = outputLimit.check(letter);
        if (exceeded.isPresent() && record.value() != null) {
            // Still findable by source partition and offset; the event itself stays in its topic until retention.
            rejected.setOriginalValue(null).setMessage(reason.getMessage() + " (the original event, "
                    + record.value().length + " bytes, is left out: with it the dead letter exceeds "
                    + exceeded.get().limitName() + ")");
            letter = new ProducerRecord<>(topic, record.key(), codec.encodeValue(topic, rejected.build()));
        }
        // Partition and offset identify the event without logging anything about the patient.
        LOG.warnf("rejected %s-%d@%d: %s (%s)", record.topic(), record.partition(), record.offset(),
                reason.reason(), reason.getMessage());
        return new Outcome(List.of(letter), reason.reason(), null, null);
    }

    private void applyBackPressure() {
        int studies = work.values().stream().mapToInt(PartitionWork::inProgress).sum();
        Set<TopicPartition> pause = new HashSet<>();
        if (studies >= settings.maxInFlight()) {
            pause.addAll(consumer.assignment());
        } else {
            work.forEach((partition, partitionWork) -> {
                if (partitionWork.window() >= MAX_WINDOW) {
                    pause.add(partition);
                }
            });
        }
        Set<TopicPartition> resume = new HashSet<>(consumer.paused());
        resume.removeAll(pause);
        consumer.pause(pause);
        consumer.resume(resume);
    }

    /** Publishes every finished study of every partition, with the partitions' commits, in one transaction. */
    private void publishFinished() {
        Map<TopicPartition, List<PartitionWork.Entry<Outcome>>> finishedByPartition = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        List<PartitionWork.Entry<Outcome>> finished = new ArrayList<>();
        work.forEach((partition, partitionWork) -> {
            List<PartitionWork.Entry<Outcome>> ready = partitionWork.publishable();
            if (!ready.isEmpty()) {
                finishedByPartition.put(partition, ready);
                offsets.put(partition, partitionWork.commitAfter(ready));
                finished.addAll(ready);
            }
        });
        if (finished.isEmpty()) {
            return;
        }
        try {
            producer.beginTransaction();
            for (PartitionWork.Entry<Outcome> done : finished) {
                for (ProducerRecord<byte[], byte[]> output : done.outcome().join().records()) {
                    producer.send(output);
                }
            }
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException | AuthenticationException
                 | AuthorizationException e) {
            // Another instance took over this transactional id, or we may no longer write: stop, uncommitted work is redone.
            running = false;
            throw e;
        } catch (KafkaException | CompletionException e) {
            LOG.warnf("transaction of %d studies failed, rewinding to the committed offsets: %s", finished.size(),
                    Failures.rootMessage(e));
            producer.abortTransaction();
            rewind();
            return;
        }
        finishedByPartition.forEach((partition, published) -> work.get(partition).published(published));
        for (PartitionWork.Entry<Outcome> done : finished) {
            Outcome outcome = done.outcome().join();
            if (outcome.rejected() != null) {
                listener.rejected(outcome.rejected());
            } else {
                Timings t = outcome.timings();
                listener.processed(outcome.priority(), t.getQueuedMs(), t.getSamplingMs(), t.getEndToEndMs());
            }
        }
    }

    /** Forgets all work not yet committed and resumes from the committed offsets. */
    private void rewind() {
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
        for (TopicPartition partition : assigned) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset != null) {
                consumer.seek(partition, offset.offset());
            } else {
                consumer.seekToBeginning(List.of(partition));
            }
        }
        work.values().forEach(PartitionWork::cancelUnfinished);
        work.clear(); // resumed from the committed offsets and their metadata when next needed
    }

    /** On shutdown: lets the studies in progress finish and publishes them, within the drain timeout. */
    private void drain() {
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        while (work.values().stream().anyMatch(w -> w.inProgress() > 0) && System.nanoTime() < deadline) {
            publishFinished();
            sleep(Duration.ofMillis(20));
        }
        publishFinished();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Work of partitions taken away is dropped: it was not committed, and their new owner redoes it. */
    private final class DropRevokedWork implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                PartitionWork<Outcome> dropped = work.remove(partition);
                if (dropped != null) {
                    dropped.cancelUnfinished();
                }
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }
    }

    /** The records one event produces: its results, or its dead letter and reason. */
    private record Outcome(List<ProducerRecord<byte[], byte[]>> records, RejectReason rejected, Priority priority,
                           Timings timings) {
    }
}
