package io.flowseg.engine;

import io.flowseg.sampling.OdeSolver;

/**
 * How one study is sampled.
 *
 * @param samples M
 * @param guidance classifier-free guidance weight w
 * @param steps N
 * @param solver ODE solver
 * @param seed noise seed, or null to derive one from the study id
 */
public record SamplingSettings(int samples, float guidance, int steps, OdeSolver solver, Long seed) {

    /** The paper's settings: M = 15, w = 0.3, 100 midpoint steps, seed from the study id. */
    public static SamplingSettings paper() {
        return new SamplingSettings(15, 0.3f, 100, OdeSolver.MIDPOINT, null);
    }
}
