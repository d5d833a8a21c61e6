package io.flowseg.sampling;

import java.util.regex.Pattern;

/**
 * A named sampler, steps and solver chosen together from a measured sweep, so a request can ask for
 * "fast" or "paper" rather than know which step count keeps the quality ({@code flowseg.sampling.presets.*}).
 *
 * @param name   lower-case name a request or command gives
 * @param steps  N, integration steps from t = 0 to t = 1
 * @param solver ODE solver
 */
public record SamplingPreset(String name, int steps, OdeSolver solver) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public SamplingPreset {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a preset name is lower-case letters, digits and '-', got '" + name + "'");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("preset " + name + ": steps must be at least 1, got " + steps);
        }
        if (solver == null) {
            throw new IllegalArgumentException("preset " + name + ": a solver is required");
        }
    }

    /** The paper's sampler: 100 midpoint steps. */
    public static SamplingPreset paper() {
        return new SamplingPreset("paper", 100, OdeSolver.MIDPOINT);
    }
}
