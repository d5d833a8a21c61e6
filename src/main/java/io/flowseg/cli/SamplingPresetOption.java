package io.flowseg.cli;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.sampling.SamplingSettings;
import io.flowseg.service.ConfiguredSampling;
import picocli.CommandLine.Option;

/**
 * {@code --preset}: a named sampler of {@code flowseg.sampling.presets}. Apart from
 * {@link SamplingOptions}, since bench and train use {@code --preset} for the network's architecture.
 */
final class SamplingPresetOption {

    @Option(names = "--preset", paramLabel = "NAME",
            description = "sampling preset of flowseg.sampling.presets (e.g. fast, paper); --steps and --solver override it "
                    + "(default: flowseg.sampling.preset)")
    String name;

    /** The preset named, checked against the configured ones, or null when none is. */
    String checkedName(FlowsegConfig config) {
        return name == null ? null : ConfiguredSampling.presets(config).get(name).name();
    }

    /** The configured defaults, with this preset's steps and solver when one is named. */
    SamplingSettings defaults(FlowsegConfig config) {
        SamplingSettings defaults = ConfiguredSampling.defaults(config);
        return name == null ? defaults : defaults.withPreset(ConfiguredSampling.presets(config).get(name));
    }
}
