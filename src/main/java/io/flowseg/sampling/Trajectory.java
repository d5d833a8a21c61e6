package io.flowseg.sampling;

/**
 * One sample's path from noise (t = 0) to a segmentation (t = 1): the state x and the stage
 * velocities of the step in progress. It asks for one velocity at a time, so trajectories with
 * different solvers, step counts and progress can share a forward pass.
 */
final class Trajectory {
    final SamplingJob request;
    final SamplingSession.Tally tally;
    final int sampleIndex;
    private final OdeSolver solver;
    private final double stepSize;
    private final float[] x;
    private final float[][] stageVelocities;
    private int step;
    private int stage;

    Trajectory(SamplingJob request, SamplingSession.Tally tally, int sampleIndex, float[] initialNoise) {
        this.request = request;
        this.tally = tally;
        this.sampleIndex = sampleIndex;
        this.solver = request.settings().solver();
        this.stepSize = 1.0 / request.settings().steps();
        this.x = initialNoise;
        this.stageVelocities = new float[solver.stages()][x.length];
    }

    boolean done() {
        return step == request.settings().steps();
    }

    /** Time of the next evaluation. */
    float time() {
        return (float) ((step + solver.c(stage)) * stepSize);
    }

    /** The step size the field is told: h for the shortcut solver, else 0 (the velocity at a point). */
    float stepSizeTold() {
        return solver.tellsStepSize() ? (float) stepSize : 0f;
    }

    /** Writes the state at which the next velocity is wanted into {@code into} at {@code offset}. */
    void writeEvaluationPoint(float[] into, int offset) {
        int n = x.length;
        System.arraycopy(x, 0, into, offset, n);
        for (int j = 0; j < stage; j++) {
            float weight = (float) (stepSize * solver.a(stage, j));
            if (weight != 0f) {
                float[] k = stageVelocities[j];
                for (int p = 0; p < n; p++) {
                    into[offset + p] += weight * k[p];
                }
            }
        }
    }

    /** Takes the velocity asked for; completes the step after the solver's last stage. */
    void accept(float[] velocity, int offset) {
        System.arraycopy(velocity, offset, stageVelocities[stage], 0, x.length);
        if (++stage < solver.stages()) {
            return;
        }
        for (int i = 0; i < solver.stages(); i++) {
            float weight = (float) (stepSize * solver.b(i));
            if (weight != 0f) {
                float[] k = stageVelocities[i];
                for (int p = 0; p < x.length; p++) {
                    x[p] += weight * k[p];
                }
            }
        }
        stage = 0;
        step++;
    }

    /** The raw end state x(1). */
    float[] state() {
        return x;
    }
}
