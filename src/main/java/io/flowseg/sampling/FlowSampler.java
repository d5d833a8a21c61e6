package io.flowseg.sampling;

import java.util.List;

/**
 * Draws the samples of a fixed list of requests at once, sharing forward passes (a
 * {@link SamplingSession} run until it is idle). Not thread-safe: one sampler per thread, like its
 * {@link VelocityField}.
 */
public final class FlowSampler {
    private final VelocityField field;
    private final int maxBatch;

    public FlowSampler(VelocityField field, int maxBatch) {
        this.field = field;
        this.maxBatch = maxBatch;
        SamplingSession.requireRowsForGuidance(maxBatch);
    }

    /** Draws the samples of every request; results come back in request order. */
    public List<SampleSet> sample(List<SamplingJob> requests, SamplingProgress progress) {
        SamplingSession session = new SamplingSession(field, maxBatch);
        long total = 0;
        for (SamplingJob request : requests) {
            session.add(request); // tickets count from 0, in request order
            total += request.settings().networkEvaluations();
        }
        SampleSet[] results = new SampleSet[requests.size()];
        long done = 0;
        while (!session.idle()) {
            SamplingSession.Step step = session.step();
            done += step.rows();
            progress.update(done, total);
            for (SamplingSession.Finished finished : step.finished()) {
                results[(int) finished.ticket()] = finished.samples();
            }
        }
        return List.of(results);
    }
}
