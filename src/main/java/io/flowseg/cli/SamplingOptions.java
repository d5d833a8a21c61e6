package io.flowseg.cli;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SamplingSettings;
import picocli.CommandLine.Option;

/** The per-request sampling options shared by the commands; unset ones fall back to the command's defaults. */
final class SamplingOptions {

    @Option(names = {"--samples", "-m"}, paramLabel = "M", description = "samples to draw per study")
    Integer samples;

    @Option(names = {"--guidance", "-w"}, paramLabel = "W", description = "classifier-free guidance weight")
    Float guidance;

    @Option(names = "--steps", paramLabel = "N", description = "ODE steps from t = 0 to 1")
    Integer steps;

    @Option(names = "--solver", paramLabel = "NAME", description = "euler, midpoint, heun, rk4, or shortcut (a few steps of a step-conditioned model)")
    String solver;

    @Option(names = "--seed", paramLabel = "S", description = "noise seed (default: derived from the study id)")
    Long seed;

    /** These options over {@code defaults}; the seed stays null (derived from the study id) when unset. */
    SamplingSettings over(SamplingSettings defaults) {
        return defaults.overriddenBy(samples, guidance, steps, solver != null ? OdeSolver.parse(solver) : null, seed);
    }

    /** These options over the configured defaults ({@code flowseg.sampling.*}), or over the preset given. */
    SamplingSettings overConfigured(FlowsegConfig config, SamplingPresetOption preset) {
        return over(preset.defaults(config));
    }
}
