package io.flowseg.sampling;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Integrates the guided flow for many requests at once. Trajectories (one per sample) are
 * admitted in request order while they fit in {@code maxBatch} rows; every forward pass
 * evaluates all admitted trajectories (conditional rows first, then the unconditional rows of
 * guided ones), and a finished trajectory frees its rows for the next. So a study's M samples
 * take as few passes as the batch allows, and studies with different M, w, N and solvers share
 * passes. Not thread-safe: one sampler per thread, like its {@link VelocityField}.
 */
public final class FlowSampler {
    private final VelocityField field;
    private final int maxBatch;

    public FlowSampler(VelocityField field, int maxBatch) {
        if (maxBatch < 2) {
            throw new IllegalArgumentException("maxBatch must be at least 2 (a guided sample needs two rows)");
        }
        this.field = field;
        this.maxBatch = maxBatch;
    }

    /** Draws the samples of every request; results come back in request order. */
    public List<SampleSet> sample(List<SamplingJob> requests, SamplingProgress progress) {
        int pixels = field.resolution() * field.resolution();
        int imageLength = field.imageChannels() * pixels;
        List<Tally> tallies = new ArrayList<>(requests.size());
        Deque<Pending> waiting = new ArrayDeque<>();
        long total = 0;
        for (SamplingJob request : requests) {
            if (request.image().length != imageLength) {
                throw new IllegalArgumentException("request " + request.id() + ": image holds " + request.image().length
                        + " values, the model takes " + field.imageChannels() + "x" + field.resolution() + "x"
                        + field.resolution());
            }
            Tally tally = new Tally(request);
            tallies.add(tally);
            for (int i = 0; i < request.settings().samples(); i++) {
                waiting.add(new Pending(tally, i));
            }
            total += request.settings().networkEvaluations();
        }

        List<Trajectory> active = new ArrayList<>();
        int rowsInUse = 0;
        long done = 0;
        long pass = 0;
        while (!waiting.isEmpty() || !active.isEmpty()) {
            while (!waiting.isEmpty() && rowsInUse + waiting.peek().tally.request.settings().rowsPerSample() <= maxBatch) {
                Pending next = waiting.poll();
                SamplingJob request = next.tally.request;
                active.add(new Trajectory(request, next.tally, next.sampleIndex,
                        initialNoise(request, next.sampleIndex, pixels)));
                rowsInUse += request.settings().rowsPerSample();
            }
            done += forwardPass(pass++, active, rowsInUse, pixels, imageLength);
            progress.update(done, total);
            for (Iterator<Trajectory> it = active.iterator(); it.hasNext(); ) {
                Trajectory trajectory = it.next();
                if (trajectory.done()) {
                    it.remove();
                    rowsInUse -= trajectory.request.settings().rowsPerSample();
                    trajectory.tally.samples[trajectory.sampleIndex] = decode(trajectory.state());
                }
            }
        }
        return tallies.stream().map(Tally::toSampleSet).toList();
    }

    /** One batched evaluation of every active trajectory; returns the rows evaluated. */
    private int forwardPass(long pass, List<Trajectory> active, int rows, int pixels, int imageLength) {
        float[] x = new float[rows * pixels];
        float[] images = new float[rows * imageLength];
        float[] t = new float[rows];
        int n = active.size();
        int unconditionalRow = n;
        int[] unconditionalRowOf = new int[n];
        for (int row = 0; row < n; row++) {
            Trajectory trajectory = active.get(row);
            trajectory.writeEvaluationPoint(x, row * pixels);
            System.arraycopy(trajectory.request.image(), 0, images, row * imageLength, imageLength);
            t[row] = trajectory.time();
            if (trajectory.request.settings().guided()) {
                // Same point and time with the all-zeros (null) image, which the array already holds.
                System.arraycopy(x, row * pixels, x, unconditionalRow * pixels, pixels);
                t[unconditionalRow] = t[row];
                unconditionalRowOf[row] = unconditionalRow++;
            }
        }
        float[] velocities = field.evaluate(x, images, t, rows);
        for (int row = 0; row < n; row++) {
            Trajectory trajectory = active.get(row);
            if (trajectory.request.settings().guided()) {
                Guidance.apply(velocities, row * pixels, unconditionalRowOf[row] * pixels, pixels,
                        trajectory.request.settings().guidance());
            }
            trajectory.accept(velocities, row * pixels);
            trajectory.tally.count(pass, trajectory.request.settings().rowsPerSample());
        }
        return rows;
    }

    private static float[] initialNoise(SamplingJob request, int sample, int pixels) {
        if (request.initialNoise() == null) {
            return Seeds.gaussianNoise(request.seed(), sample, pixels);
        }
        float[] given = request.initialNoise()[sample];
        if (given.length != pixels) {
            throw new IllegalArgumentException("initial noise of sample " + sample + " holds " + given.length
                    + " values, expected " + pixels);
        }
        return Arrays.copyOf(given, pixels);
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

    /** What one request has accumulated so far (one per position, so a request may be listed twice). */
    static final class Tally {
        private final SamplingJob request;
        private final float[][] samples;
        private long evaluations;
        private int passes;
        private long lastPass = -1;

        Tally(SamplingJob request) {
            this.request = request;
            this.samples = new float[request.settings().samples()][];
        }

        void count(long pass, int rows) {
            evaluations += rows;
            if (pass != lastPass) {
                lastPass = pass;
                passes++;
            }
        }

        SampleSet toSampleSet() {
            return new SampleSet(request, samples, evaluations, passes);
        }
    }
}
