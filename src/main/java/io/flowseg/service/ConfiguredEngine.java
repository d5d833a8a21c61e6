package io.flowseg.service;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.engine.SegmentationEngine;
import io.flowseg.sampling.VelocityField;
import io.flowseg.uncertainty.UncertaintySettings;

/** The segmentation engine and its uncertainty settings as configured ({@code flowseg.engine.*}, {@code flowseg.uncertainty.*}). */
public final class ConfiguredEngine {

    private ConfiguredEngine() {
    }

    public static SegmentationEngine create(VelocityField field, FlowsegConfig config) {
        return new SegmentationEngine(field, config.engine().maxBatch(), uncertainty(config));
    }

    public static UncertaintySettings uncertainty(FlowsegConfig config) {
        return new UncertaintySettings(config.uncertainty().varianceLevel(),
                UncertaintySettings.DEFAULT_FOREGROUND_THRESHOLD);
    }
}
