package io.flowseg.evaluation;

import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SamplingPreset;
import io.flowseg.sampling.SamplingSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The sampling settings a sweep tries: every solver x guidance weight x step count, then every
 * named preset at each guidance weight, all at one M and seed.
 *
 * @param solvers solvers to try
 * @param guidance guidance weights to try
 * @param steps step counts to try
 * @param presets named presets to try beside the grid
 * @param samples M at every point
 * @param seed noise seed at every point, or null to derive each case's from its id
 */
public record SweepGrid(List<OdeSolver> solvers, List<Float> guidance, List<Integer> steps,
                        List<SamplingPreset> presets, int samples, Long seed) {

    public SweepGrid {
        solvers = List.copyOf(solvers);
        guidance = List.copyOf(guidance);
        steps = List.copyOf(steps);
        presets = List.copyOf(presets);
        if (guidance.isEmpty() || (solvers.isEmpty() || steps.isEmpty()) && presets.isEmpty()) {
            throw new IllegalArgumentException(
                    "a sweep needs a guidance weight and a solver with a step count, or a preset");
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
        for (SamplingPreset preset : presets) {
            for (float w : guidance) {
                points.add(new SamplingSettings(samples, w, preset.steps(), preset.solver(), seed, preset.name()));
            }
        }
        return points;
    }
}
