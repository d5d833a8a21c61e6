package io.flowseg.service;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SamplingSettings;

/** The sampling defaults as configured ({@code flowseg.sampling.*}), for the service and the commands alike. */
public final class ConfiguredSampling {
    private ConfiguredSampling() {
    }

    /** The seed stays null: derived from each study id. */
    public static SamplingSettings defaults(FlowsegConfig config) {
        FlowsegConfig.Sampling s = config.sampling();
        return new SamplingSettings(s.samples(), s.guidance(), s.steps(), OdeSolver.parse(s.solver()), null);
    }
}
