package io.flowseg.engine;

import io.flowseg.sampling.SampleSet;
import io.flowseg.sampling.SamplingJob;
import io.flowseg.sampling.SamplingProgress;
import io.flowseg.sampling.SamplingSession;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs studies through the engine on one worker thread with iteration-level scheduling: queued
 * studies join the running {@link SamplingSession} between forward passes (most urgent first, then
 * oldest first, up to {@code maxStudies} at once), and each study's future completes as soon as its
 * own samples are done, not when the studies it shared passes with are. Priorities preempt: each
 * pass runs only the most urgent studies in the session, the others held where they are, and a
 * study is admitted when the studies at least as urgent leave it room, so a STAT study starts at
 * the next pass and runs alone however full the session is with routine work. Callers never block:
 * {@link #submit} returns a future, and {@link #pending} tells them when to stop taking work (the
 * consumer pauses its partitions). The engine is created on the worker thread, the one thread that
 * ever uses it (one predictor per thread).
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final long IDLE_POLL_MS = 100;

    private final PriorityBlockingQueue<Job> queue = new PriorityBlockingQueue<>(16,
            Comparator.comparing(Job::priority).thenComparingLong(Job::sequence));
    private final AtomicLong submissions = new AtomicLong();
    private final AtomicInteger pending = new AtomicInteger();
    private final int maxStudies;
    private final IntConsumer batchSizes;
    private final Thread worker;
    private volatile boolean running = true;

    /**
     * @param engines    creates the engine, on the worker thread
     * @param maxStudies most studies sampled at once (their samples share passes within the engine's row budget)
     * @param batchSizes told, for every study, how many studies were in progress when it started (for metrics)
     */
    public Dispatcher(Supplier<SegmentationEngine> engines, int maxStudies, IntConsumer batchSizes) {
        if (maxStudies < 1) {
            throw new IllegalArgumentException("maxStudies must be at least 1");
        }
        this.maxStudies = maxStudies;
        this.batchSizes = batchSizes;
        this.worker = new Thread(() -> work(engines), "flowseg-dispatch");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Queues a routine study; see {@link #submit(Study, Priority)}. */
    public CompletableFuture<DispatchedStudy> submit(Study study) {
        return submit(study, Priority.ROUTINE);
    }

    /** Queues a study; the future completes with its result, or exceptionally with what failed it alone. */
    public CompletableFuture<DispatchedStudy> submit(Study study, Priority priority) {
        if (!running) {
            throw new IllegalStateException("dispatcher is closed");
        }
        Job job = new Job(study, priority, submissions.getAndIncrement(), System.nanoTime(), new CompletableFuture<>());
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
            failQueued(e);
            return;
        }
        Session session = new Session(engine);
        while (running || !session.idle()) {
            if (running) {
                session.admit();
            }
            session.step();
        }
        failQueued(new IllegalStateException("dispatcher closed before the study was sampled"));
    }

    private void finish(Job job, DispatchedStudy study) {
        pending.decrementAndGet();
        batchSizes.accept(study.batchStudies());
        job.done.complete(study);
    }

    private void fail(Job job, Throwable cause) {
        pending.decrementAndGet();
        job.done.completeExceptionally(cause);
    }

    private void failQueued(Exception cause) {
        Job job;
        while ((job = queue.poll()) != null) {
            fail(job, cause);
        }
    }

    /** Stops taking queued studies; those in progress finish, those still queued fail (their events were not committed). */
    @Override
    public void close() {
        running = false;
        try {
            worker.join(TimeUnit.MINUTES.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Job(Study study, Priority priority, long sequence, long submitted,
                       CompletableFuture<DispatchedStudy> done) {
    }

    /**
     * A job in the session: when it started, how many studies were in progress then (itself
     * included), and the rows its samples take in a pass.
     */
    private record Started(Job job, long started, int studiesInProgress, int rows) {
    }

    /** The worker's session and the jobs in it, by ticket. */
    private final class Session {
        private final SegmentationEngine engine;
        private final SamplingSession samples;
        private final Map<Long, Started> jobs = new HashMap<>();

        Session(SegmentationEngine engine) {
            this.engine = engine;
            this.samples = engine.newSession();
        }

        boolean idle() {
            return samples.idle();
        }

        /**
         * Takes queued jobs while the session has room, waiting a moment for one when it is idle. Jobs
         * wait in the dispatcher's queue rather than the session's, so a STAT study submitted later
         * still starts ahead of them.
         */
        void admit() {
            try {
                if (samples.idle()) {
                    Job first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                    if (first != null) {
                        start(first);
                    }
                }
                Job next;
                while ((next = queue.peek()) != null && hasRoomFor(next.priority()) && queue.remove(next)) {
                    start(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }

        /**
         * Room among the studies that would run beside one of this priority (those at least as
         * urgent): fewer than {@code maxStudies} of them, and their samples short of the engine's rows.
         */
        private boolean hasRoomFor(Priority priority) {
            int studies = 0;
            int rows = 0;
            for (Started started : jobs.values()) {
                if (started.job().priority().compareTo(priority) <= 0) {
                    studies++;
                    rows += started.rows();
                }
            }
            return studies < maxStudies && rows < engine.maxBatch();
        }

        /** The priority each pass runs: the most urgent in the session. */
        private Priority runningPriority() {
            return jobs.values().stream().map(started -> started.job().priority()).min(Comparator.naturalOrder())
                    .orElse(Priority.ROUTINE);
        }

        private void start(Job job) {
            if (job.done.isCancelled()) {
                pending.decrementAndGet(); // its requester dropped it while it was queued
                return;
            }
            try {
                SamplingJob request = engine.request(job.study());
                long ticket = samples.add(request);
                jobs.put(ticket, new Started(job, System.nanoTime(), samples.jobsInProgress(),
                        request.settings().samples() * request.settings().rowsPerSample()));
            } catch (RuntimeException e) {
                fail(job, e); // its image does not fit the model: nothing was sampled for it
            }
        }

        /** One forward pass; every study it completes is summarised and handed back at once. */
        void step() {
            dropCancelled();
            if (samples.idle()) {
                return;
            }
            SamplingSession.Step step;
            Priority running = runningPriority();
            try {
                step = samples.step(ticket -> jobs.get(ticket).job().priority() == running);
            } catch (RuntimeException e) {
                isolate(e);
                return;
            }
            for (SamplingSession.Finished finished : step.finished()) {
                complete(jobs.remove(finished.ticket()), finished.samples());
            }
        }

        /** Jobs whose requester cancelled them leave the session, freeing their rows for the rest. */
        private void dropCancelled() {
            for (Iterator<Map.Entry<Long, Started>> it = jobs.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Long, Started> entry = it.next();
                if (entry.getValue().job().done().isCancelled()) {
                    samples.cancel(entry.getKey());
                    it.remove();
                    pending.decrementAndGet();
                }
            }
        }

        private void complete(Started started, SampleSet sampleSet) {
            Job job = started.job();
            try {
                StudyResult result = engine.summarise(job.study(), sampleSet);
                finish(job, dispatched(started, result));
            } catch (RuntimeException e) {
                fail(job, e);
            }
        }

        /** A failed pass is shared by every study in it: sample each again alone, so only the culprit fails. */
        private void isolate(RuntimeException failure) {
            LOG.warnf("a forward pass failed (%s); sampling its %d studies one by one", failure.toString(), jobs.size());
            for (long ticket : samples.abandon()) {
                Started started = jobs.remove(ticket);
                Started alone = new Started(started.job(), System.nanoTime(), 1, started.rows());
                try {
                    StudyResult result = engine.segment(List.of(started.job().study()), SamplingProgress.NONE).get(0);
                    finish(started.job(), dispatched(alone, result));
                } catch (RuntimeException e) {
                    fail(started.job(), e);
                }
            }
        }

        private DispatchedStudy dispatched(Started started, StudyResult result) {
            return new DispatchedStudy(result, TimeUnit.NANOSECONDS.toMillis(started.started() - started.job().submitted()),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started.started()), started.studiesInProgress());
        }
    }
}
