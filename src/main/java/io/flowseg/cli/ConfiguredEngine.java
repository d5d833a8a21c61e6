package io.flowseg.cli;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.engine.SegmentationEngine;
import io.flowseg.sampling.VelocityField;
import io.flowseg.uncertainty.UncertaintySettings;

/** The segmentation engine and its uncertainty settings as configured ({@code flowseg.engine.*}, {@code flowseg.uncertainty.*}). */
final class ConfiguredEngine {

    private ConfiguredEngine() {
    }

    static SegmentationEngine create(VelocityField field, FlowsegConfig config) {
        return new SegmentationEngine(field, config.engine().maxBatch(), uncertainty(config));
    }

    static UncertaintySettings uncertainty(FlowsegConfig config) {
        return new UncertaintySettings(config.uncertainty().varianceLevel(),
                UncertaintySettings.DEFAULT_FOREGROUND_THRESHOLD);
    }
}
