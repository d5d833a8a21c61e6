package io.flowseg.engine;

import io.flowseg.sampling.SamplingProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs studies through the engine on one worker thread, several at a time: whatever is waiting
 * when the worker comes round (up to {@code maxStudiesPerBatch}) is sampled in one call, so their
 * samples share forward passes. Callers never block: {@link #submit} returns a future, and
 * {@link #pending} tells them when to stop taking work (the consumer pauses its partitions). The
 * engine is created on the worker thread, the one thread that ever uses it (one predictor per thread).
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final long IDLE_POLL_MS = 100;

    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final int maxStudiesPerBatch;
    private final IntConsumer batchSizes;
    private final Thread worker;
    private volatile boolean running = true;

    /**
     * @param engines            creates the engine, on the worker thread
     * @param maxStudiesPerBatch most studies sampled in one engine call
     * @param batchSizes         told the number of studies of every batch (for metrics)
     */
    public Dispatcher(Supplier<SegmentationEngine> engines, int maxStudiesPerBatch, IntConsumer batchSizes) {
        if (maxStudiesPerBatch < 1) {
            throw new IllegalArgumentException("maxStudiesPerBatch must be at least 1");
        }
        this.maxStudiesPerBatch = maxStudiesPerBatch;
        this.batchSizes = batchSizes;
        this.worker = new Thread(() -> work(engines), "flowseg-dispatch");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Queues a study; the future completes with its result, or exceptionally with what failed it alone. */
    public CompletableFuture<DispatchedStudy> submit(Study study) {
        if (!running) {
            throw new IllegalStateException("dispatcher is closed");
        }
        Job job = new Job(study, System.nanoTime(), new CompletableFuture<>());
        pending.incrementAndGet();
        queue.add(job);
        return job.done;
    }

    /** Studies submitted and not yet finished. */
    public int pending() {
        return pending.get();
    }

    private void work(Supplier<SegmentationEngine> engines) {
        SegmentationEngine engine;
        try {
            engine = engines.get();
        } catch (RuntimeException e) {
            LOG.error("the segmentation engine could not be created", e);
            running = false;
            failAll(e);
            return;
        }
        while (running) {
            List<Job> batch = nextBatch();
            if (!batch.isEmpty()) {
                run(engine, batch);
            }
        }
        failAll(new IllegalStateException("dispatcher closed before the study was sampled"));
    }

    private List<Job> nextBatch() {
        List<Job> batch = new ArrayList<>(maxStudiesPerBatch);
        try {
            Job first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
            if (first == null) {
                return batch;
            }
            batch.add(first);
            queue.drainTo(batch, maxStudiesPerBatch - 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        return batch;
    }

    private void run(SegmentationEngine engine, List<Job> batch) {
        long start = System.nanoTime();
        try {
            List<StudyResult> results = engine.segment(batch.stream().map(Job::study).toList(), SamplingProgress.NONE);
            long samplingMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            batchSizes.accept(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Job job = batch.get(i);
                finish(job, new DispatchedStudy(results.get(i),
                        TimeUnit.NANOSECONDS.toMillis(start - job.submitted), samplingMs, batch.size()));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                pending.decrementAndGet();
                batch.get(0).done.completeExceptionally(e);
                return;
            }
            // One study must not fail the others: retry them one by one, so only the culprit fails.
            for (Job job : batch) {
                run(engine, List.of(job));
            }
        }
    }

    private void finish(Job job, DispatchedStudy study) {
        pending.decrementAndGet();
        job.done.complete(study);
    }

    private void failAll(Exception cause) {
        Job job;
        while ((job = queue.poll()) != null) {
            pending.decrementAndGet();
            job.done.completeExceptionally(cause);
        }
    }

    /** Stops after the batch in progress; studies still queued fail (their events were not committed). */
    @Override
    public void close() {
        running = false;
        try {
            worker.join(TimeUnit.MINUTES.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Job(Study study, long submitted, CompletableFuture<DispatchedStudy> done) {
    }
}
