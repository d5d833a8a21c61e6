package io.flowseg.sampling;

/**
 * How one study is sampled: the one type a request's settings take from intake to the sampler,
 * checked here (the service's limits on top are its {@code SamplingPolicy}).
 *
 * @param samples M, the number of segmentations to draw
 * @param guidance classifier-free guidance weight w; 0 skips the unconditional evaluation
 * @param steps N, integration steps from t = 0 to t = 1
 * @param solver ODE solver
 * @param seed noise seed, or null to derive one from the study id ({@link Seeds#forStudy})
 * @param preset name of the {@link SamplingPreset} whose steps and solver these are, or null when
 *               they were set explicitly
 */
public record SamplingSettings(int samples, float guidance, int steps, OdeSolver solver, Long seed, String preset) {

    public SamplingSettings {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (!Float.isFinite(guidance)) {
            throw new IllegalArgumentException("guidance must be finite, got " + guidance);
        }
        if (solver == null) {
            throw new IllegalArgumentException("a solver is required");
        }
    }

    /** Settings with explicit steps and solver, no preset. */
    public SamplingSettings(int samples, float guidance, int steps, OdeSolver solver, Long seed) {
        this(samples, guidance, steps, solver, seed, null);
    }

    /** The paper's settings: M = 15, w = 0.3, 100 midpoint steps (the paper preset), seed from the study id. */
    public static SamplingSettings paper() {
        SamplingPreset paper = SamplingPreset.paper();
        return new SamplingSettings(15, 0.3f, paper.steps(), paper.solver(), null, paper.name());
    }

    /** These settings with a preset's steps and solver. */
    public SamplingSettings withPreset(SamplingPreset chosen) {
        return new SamplingSettings(samples, guidance, chosen.steps(), chosen.solver(), seed, chosen.name());
    }

    /**
     * These settings with a request's own values where it sets them; a null keeps this setting. The
     * preset name stays only while the steps and solver are still the preset's.
     */
    public SamplingSettings overriddenBy(Integer samples, Float guidance, Integer steps, OdeSolver solver, Long seed) {
        int newSteps = steps != null ? steps : this.steps;
        OdeSolver newSolver = solver != null ? solver : this.solver;
        String keptPreset = newSteps == this.steps && newSolver == this.solver ? preset : null;
        return new SamplingSettings(samples != null ? samples : this.samples, guidance != null ? guidance : this.guidance,
                newSteps, newSolver, seed != null ? seed : this.seed, keptPreset);
    }

    /** The seed of a study's initial noise: the request's own, else one derived from the study id. */
    public long seedFor(String studyId) {
        return seed != null ? seed : Seeds.forStudy(studyId);
    }

    /** Whether the unconditional velocity is needed. */
    public boolean guided() {
        return guidance != 0f;
    }

    /** Rows one sample occupies in a forward pass: two when guidance needs the null condition. */
    public int rowsPerSample() {
        return guided() ? 2 : 1;
    }

    /** Network evaluations (rows of forward passes) these settings cost per study. */
    public long networkEvaluations() {
        return (long) samples * steps * solver.stages() * rowsPerSample();
    }
}
