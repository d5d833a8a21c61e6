package io.flowseg.service;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SamplingPreset;
import io.flowseg.sampling.SamplingPresets;
import io.flowseg.sampling.SamplingSettings;
import java.util.Comparator;

/** The sampling defaults and presets as configured ({@code flowseg.sampling.*}), for the service and the commands alike. */
public final class ConfiguredSampling {
    /** Cheapest first, so listings read from fast to thorough. */
    private static final Comparator<SamplingPreset> BY_COST = Comparator
            .comparingInt((SamplingPreset p) -> p.steps() * p.solver().stages()).thenComparing(SamplingPreset::name);

    private ConfiguredSampling() {
    }

    /** The default preset, with {@code flowseg.sampling.steps} and {@code .solver} over it when set; the seed stays null (derived from each study id). */
    public static SamplingSettings defaults(FlowsegConfig config) {
        FlowsegConfig.Sampling s = config.sampling();
        SamplingPreset preset = presets(config).get(s.preset());
        return new SamplingSettings(s.samples(), s.guidance(), preset.steps(), preset.solver(), null, preset.name())
                .overriddenBy(null, null, s.steps().orElse(null), s.solver().map(OdeSolver::parse).orElse(null), null);
    }

    /** {@code flowseg.sampling.presets.<name>.*}. */
    public static SamplingPresets presets(FlowsegConfig config) {
        return new SamplingPresets(config.sampling().presets().entrySet().stream()
                .map(e -> new SamplingPreset(e.getKey(), e.getValue().steps(), OdeSolver.parse(e.getValue().solver())))
                .sorted(BY_COST)
                .toList());
    }
}
