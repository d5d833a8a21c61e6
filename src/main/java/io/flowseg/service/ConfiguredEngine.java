package io.flowseg.service;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.config.MaxBatch;
import io.flowseg.engine.ForwardTimer;
import io.flowseg.engine.RowBudgetCalibration;
import io.flowseg.engine.SegmentationEngine;
import io.flowseg.sampling.VelocityField;
import io.flowseg.uncertainty.UncertaintySettings;
import org.jboss.logging.Logger;

/** The segmentation engine and its uncertainty settings as configured ({@code flowseg.engine.*}, {@code flowseg.uncertainty.*}). */
public final class ConfiguredEngine {
    private static final Logger LOG = Logger.getLogger(ConfiguredEngine.class);

    private ConfiguredEngine() {
    }

    /** An engine on the field; with {@code max-batch=auto} its row budget is measured on the field first. */
    public static SegmentationEngine create(VelocityField field, FlowsegConfig config) {
        return new SegmentationEngine(field, maxBatch(field, config.engine().maxBatch()), uncertainty(config));
    }

    /** The configured rows, or with {@code auto} the rows measured on this field's device (logged with the table). */
    private static int maxBatch(VelocityField field, MaxBatch setting) {
        if (!setting.auto()) {
            return setting.rows().getAsInt();
        }
        long start = System.nanoTime();
        RowBudgetCalibration.Result result = RowBudgetCalibration.measure(new ForwardTimer(field));
        LOG.infof("flowseg.engine.max-batch=auto: %d rows per forward pass, measured in %.1f s (%s)", result.rows(),
                (System.nanoTime() - start) / 1e9, result.describe());
        return result.rows();
    }

    public static UncertaintySettings uncertainty(FlowsegConfig config) {
        return new UncertaintySettings(config.uncertainty().varianceLevel(),
                UncertaintySettings.DEFAULT_FOREGROUND_THRESHOLD);
    }
}
