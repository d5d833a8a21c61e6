package io.flowseg.sampling;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Iteration-level scheduling of the guided flow: jobs join between forward passes, and a job's
 * samples come back from the very pass that finishes its last trajectory, whatever its batch-mates
 * still have to do. Trajectories (one per sample) are admitted in the order their jobs were added
 * while they fit in {@code maxBatch} rows; every pass evaluates all admitted trajectories
 * (conditional rows first, then the unconditional rows of guided ones), and a finished trajectory
 * frees its rows for the next. Jobs with different M, w, N and solvers share passes. Not
 * thread-safe: one session per thread, like its {@link VelocityField}.
 */
public final class SamplingSession {
    private final VelocityField field;
    private final int maxBatch;
    private final int pixels;
    private final int imageLength;
    private final Deque<Pending> waiting = new ArrayDeque<>();
    private final List<Trajectory> active = new ArrayList<>();
    private final List<Tally> unfinished = new ArrayList<>();
    private int rowsInUse;
    private long pass;
    private long nextTicket;

    public SamplingSession(VelocityField field, int maxBatch) {
        requireRowsForGuidance(maxBatch);
        this.field = field;
        this.maxBatch = maxBatch;
        this.pixels = field.resolution() * field.resolution();
        this.imageLength = field.imageChannels() * pixels;
    }

    static void requireRowsForGuidance(int maxBatch) {
        if (maxBatch < 2) {
            throw new IllegalArgumentException("maxBatch must be at least 2 (a guided sample needs two rows)");
        }
    }

    /**
     * Queues a job's samples behind those already queued; they are admitted on the next passes.
     *
     * @throws IllegalArgumentException when its image or initial noise does not fit the model
     * @return the job's ticket, which its {@link Finished} entry carries
     */
    public long add(SamplingJob job) {
        if (job.image().length != imageLength) {
            throw new IllegalArgumentException("request " + job.id() + ": image holds " + job.image().length
                    + " values, the model takes " + field.imageChannels() + "x" + field.resolution() + "x"
                    + field.resolution());
        }
        for (int sample = 0; job.initialNoise() != null && sample < job.initialNoise().length; sample++) {
            if (job.initialNoise()[sample].length != pixels) {
                throw new IllegalArgumentException("initial noise of sample " + sample + " holds "
                        + job.initialNoise()[sample].length + " values, expected " + pixels);
            }
        }
        Tally tally = new Tally(nextTicket++, job);
        unfinished.add(tally);
        for (int i = 0; i < job.settings().samples(); i++) {
            waiting.add(new Pending(tally, i));
        }
        return tally.ticket;
    }

    /** True while nothing is queued or running. */
    public boolean idle() {
        return unfinished.isEmpty();
    }

    /**
     * True when every queued sample is admitted and rows are free: a job added now starts on the next
     * pass, so a caller that keeps its own queue (by priority) loses nothing by holding jobs back until then.
     */
    public boolean hasRoom() {
        return waiting.isEmpty() && rowsInUse < maxBatch;
    }

    /** Jobs added and not yet handed back. */
    public int jobsInProgress() {
        return unfinished.size();
    }

    /**
     * Admits queued samples while rows fit, runs one forward pass and hands back, in the order they
     * were added, the jobs whose last sample it finished.
     *
     * @return the rows evaluated and the finished jobs (none when idle)
     */
    public Step step() {
        return step(ticket -> true);
    }

    /**
     * The same for the jobs whose ticket {@code runs} accepts only: the others are held, keeping their
     * state, and their rows do not count against {@code maxBatch} in this pass. A caller preempts
     * routine jobs this way while an urgent one runs alone.
     */
    public Step step(LongPredicate runs) {
        int runningRows = 0;
        for (Trajectory trajectory : active) {
            if (runs.test(trajectory.tally.ticket)) {
                runningRows += trajectory.request.settings().rowsPerSample();
            }
        }
        for (Iterator<Pending> it = waiting.iterator(); it.hasNext(); ) {
            Pending next = it.next();
            if (!runs.test(next.tally.ticket)) {
                continue;
            }
            SamplingJob job = next.tally.job;
            if (runningRows + job.settings().rowsPerSample() > maxBatch) {
                break;
            }
            it.remove();
            active.add(new Trajectory(job, next.tally, next.sampleIndex, initialNoise(job, next.sampleIndex)));
            rowsInUse += job.settings().rowsPerSample();
            runningRows += job.settings().rowsPerSample();
        }
        List<Trajectory> running = active.stream().filter(trajectory -> runs.test(trajectory.tally.ticket)).toList();
        if (running.isEmpty()) {
            return new Step(0, List.of());
        }
        int rows = forwardPass(pass++, running, runningRows);
        for (Iterator<Trajectory> it = active.iterator(); it.hasNext(); ) {
            Trajectory trajectory = it.next();
            if (trajectory.done()) {
                it.remove();
                rowsInUse -= trajectory.request.settings().rowsPerSample();
                trajectory.tally.finish(trajectory.sampleIndex, decode(trajectory.state()));
            }
        }
        List<Finished> finished = new ArrayList<>();
        for (Iterator<Tally> it = unfinished.iterator(); it.hasNext(); ) {
            Tally tally = it.next();
            if (tally.complete()) {
                it.remove();
                finished.add(new Finished(tally.ticket, tally.toSampleSet()));
            }
        }
        return new Step(rows, finished);
    }

    /**
     * Drops one job, queued or running, and frees its rows (its requester no longer wants it).
     *
     * @return whether the job was still in the session
     */
    public boolean cancel(long ticket) {
        waiting.removeIf(pending -> pending.tally.ticket == ticket);
        for (Iterator<Trajectory> it = active.iterator(); it.hasNext(); ) {
            Trajectory trajectory = it.next();
            if (trajectory.tally.ticket == ticket) {
                it.remove();
                rowsInUse -= trajectory.request.settings().rowsPerSample();
            }
        }
        return unfinished.removeIf(tally -> tally.ticket == ticket);
    }

    /** Drops every job, queued or running, and returns their tickets in the order they were added (after a failed pass). */
    public List<Long> abandon() {
        List<Long> tickets = unfinished.stream().map(tally -> tally.ticket).toList();
        waiting.clear();
        active.clear();
        unfinished.clear();
        rowsInUse = 0;
        return tickets;
    }

    /**
     * One forward pass of the session.
     *
     * @param rows     network evaluations it took
     * @param finished the jobs it completed
     */
    public record Step(int rows, List<Finished> finished) {
    }

    /** A job handed back: the ticket {@link #add} gave it and its samples. */
    public record Finished(long ticket, SampleSet samples) {
    }

    /** One batched evaluation of the running trajectories; returns the rows evaluated. */
    private int forwardPass(long passNumber, List<Trajectory> running, int rows) {
        float[] x = new float[rows * pixels];
        float[] images = new float[rows * imageLength];
        float[] t = new float[rows];
        float[] stepSizes = new float[rows];
        int n = running.size();
        int unconditionalRow = n;
        int[] unconditionalRowOf = new int[n];
        for (int row = 0; row < n; row++) {
            Trajectory trajectory = running.get(row);
            trajectory.writeEvaluationPoint(x, row * pixels);
            System.arraycopy(trajectory.request.image(), 0, images, row * imageLength, imageLength);
            t[row] = trajectory.time();
            stepSizes[row] = trajectory.stepSizeTold();
            if (trajectory.request.settings().guided()) {
                // Same point, time and step with the all-zeros (null) image, which the array already holds.
                System.arraycopy(x, row * pixels, x, unconditionalRow * pixels, pixels);
                t[unconditionalRow] = t[row];
                stepSizes[unconditionalRow] = stepSizes[row];
                unconditionalRowOf[row] = unconditionalRow++;
            }
        }
        float[] velocities = field.evaluate(x, images, t, stepSizes, rows);
        for (int row = 0; row < n; row++) {
            Trajectory trajectory = running.get(row);
            if (trajectory.request.settings().guided()) {
                Guidance.apply(velocities, row * pixels, unconditionalRowOf[row] * pixels, pixels,
                        trajectory.request.settings().guidance());
            }
            trajectory.accept(velocities, row * pixels);
            trajectory.tally.count(passNumber, trajectory.request.settings().rowsPerSample());
        }
        return rows;
    }

    private float[] initialNoise(SamplingJob job, int sample) {
        if (job.initialNoise() == null) {
            return Seeds.gaussianNoise(job.seed(), sample, pixels);
        }
        return Arrays.copyOf(job.initialNoise()[sample], pixels);
    }

    /** clamp(x / 2 + 0.5, 0, 1): from the [-1, 1] mask scale to a probability-like value. */
    static float[] decode(float[] state) {
        float[] decoded = new float[state.length];
        for (int p = 0; p < state.length; p++) {
            decoded[p] = Math.min(1f, Math.max(0f, state[p] * 0.5f + 0.5f));
        }
        return decoded;
    }

    /** A sample not yet admitted: its noise and solver state are only allocated once it runs. */
    private record Pending(Tally tally, int sampleIndex) {
    }

    /** What one job has accumulated so far (one per {@link #add}, so the same request may be added twice). */
    static final class Tally {
        private final long ticket;
        private final SamplingJob job;
        private final float[][] samples;
        private int finishedSamples;
        private long evaluations;
        private int passes;
        private long lastPass = -1;

        Tally(long ticket, SamplingJob job) {
            this.ticket = ticket;
            this.job = job;
            this.samples = new float[job.settings().samples()][];
        }

        void count(long pass, int rows) {
            evaluations += rows;
            if (pass != lastPass) {
                lastPass = pass;
                passes++;
            }
        }

        void finish(int sampleIndex, float[] sample) {
            samples[sampleIndex] = sample;
            finishedSamples++;
        }

        boolean complete() {
            return finishedSamples == samples.length;
        }

        SampleSet toSampleSet() {
            return new SampleSet(job, samples, evaluations, passes);
        }
    }
}
