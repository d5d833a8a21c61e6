package io.flowseg.evaluation;

import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SamplingSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The sampling settings a sweep tries: every solver x guidance weight x step count, at one M and seed.
 *
 * @param solvers solvers to try
 * @param guidance guidance weights to try
 * @param steps step counts to try
 * @param samples M at every point
 * @param seed noise seed at every point, or null to derive each case's from its id
 */
public record SweepGrid(List<OdeSolver> solvers, List<Float> guidance, List<Integer> steps, int samples, Long seed) {

    public SweepGrid {
        solvers = List.copyOf(solvers);
        guidance = List.copyOf(guidance);
        steps = List.copyOf(steps);
        if (solvers.isEmpty() || guidance.isEmpty() || steps.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one solver, guidance weight and step count");
        }
    }

    /** The grid points; step counts vary fastest, so each solver and weight forms one run of rising cost. */
    public List<SamplingSettings> points() {
        List<SamplingSettings> points = new ArrayList<>();
        for (OdeSolver solver : solvers) {
            for (float w : guidance) {
                for (int n : steps) {
                    points.add(new SamplingSettings(samples, w, n, solver, seed));
                }
            }
        }
        return points;
    }
}
