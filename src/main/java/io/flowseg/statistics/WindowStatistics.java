package io.flowseg.statistics;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import io.flowseg.alerts.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * The running statistics of one site and modality over one window: studies, alerts by severity,
 * studies with any alert, and the mean and 95th percentile of the studies' mean variance. The
 * percentile comes from a DDSketch (1% relative accuracy), so a window's state stays a few
 * hundred bytes however many studies it holds.
 */
public final class WindowStatistics {
    /** Relative accuracy of the percentile. */
    public static final double RELATIVE_ACCURACY = 0.01;
    private static final int VERSION = 1;

    private long studies;
    private final long[] alerts = new long[Severity.values().length];
    private long highUncertainty;
    private double meanVarianceSum;
    private final DDSketch meanVariances;

    public WindowStatistics() {
        this(DDSketches.unboundedDense(RELATIVE_ACCURACY));
    }

    private WindowStatistics(DDSketch sketch) {
        this.meanVariances = sketch;
    }

    /** Counts one study in; returns this. */
    public WindowStatistics add(StudyFacts study) {
        studies++;
        study.alerts().forEach(severity -> alerts[severity.ordinal()]++);
        if (!study.alerts().isEmpty()) {
            highUncertainty++;
        }
        meanVarianceSum += study.meanVariance();
        meanVariances.accept(Math.max(0, study.meanVariance()));
        return this;
    }

    /**
     * Adds the studies of another state of the same window (held by another instance) into this
     * one; returns this. Exact for the counts, the shares and the mean (a sum over the studies);
     * the percentile is read from the merged sketch, so it keeps the same relative accuracy.
     */
    public WindowStatistics merge(WindowStatistics other) {
        studies += other.studies;
        for (int i = 0; i < alerts.length; i++) {
            alerts[i] += other.alerts[i];
        }
        highUncertainty += other.highUncertainty;
        meanVarianceSum += other.meanVarianceSum;
        meanVariances.mergeWith(other.meanVariances);
        return this;
    }

    public long studies() {
        return studies;
    }

    public long alerts(Severity severity) {
        return alerts[severity.ordinal()];
    }

    /** Studies that raised at least one alert. */
    public long highUncertaintyStudies() {
        return highUncertainty;
    }

    /** Share of studies that raised at least one alert; 0 for an empty window. */
    public double highUncertaintyShare() {
        return studies == 0 ? 0 : (double) highUncertainty / studies;
    }

    public double meanVarianceMean() {
        return studies == 0 ? 0 : meanVarianceSum / studies;
    }

    /** 95th percentile of the studies' mean variance: the value at rank floor(0.95 (n - 1)), within {@link #RELATIVE_ACCURACY}; 0 for an empty window. */
    public double meanVarianceP95() {
        return studies == 0 ? 0 : meanVariances.getValueAtQuantile(0.95);
    }

    /** The state as bytes (for a state store); {@link #fromBytes} reads it back. */
    public byte[] toBytes() {
        GrowingByteArrayOutput encoded = GrowingByteArrayOutput.withDefaultInitialCapacity();
        try {
            meanVariances.encode(encoded, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] sketch = encoded.trimmedCopy();
        ByteBuffer out = ByteBuffer.allocate(1 + 8 * (3 + alerts.length) + sketch.length);
        out.put((byte) VERSION).putLong(studies).putLong(highUncertainty).putDouble(meanVarianceSum);
        for (long count : alerts) {
            out.putLong(count);
        }
        return out.put(sketch).array();
    }

    public static WindowStatistics fromBytes(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.get() != VERSION) {
            throw new IllegalArgumentException("unknown window statistics format");
        }
        long studies = in.getLong();
        long highUncertainty = in.getLong();
        double sum = in.getDouble();
        long[] alerts = new long[Severity.values().length];
        for (int i = 0; i < alerts.length; i++) {
            alerts[i] = in.getLong();
        }
        try {
            WindowStatistics statistics = new WindowStatistics(DDSketch.decode(
                    ByteArrayInput.wrap(bytes, in.position(), bytes.length - in.position()),
                    UnboundedSizeDenseStore::new));
            statistics.studies = studies;
            statistics.highUncertainty = highUncertainty;
            statistics.meanVarianceSum = sum;
            System.arraycopy(alerts, 0, statistics.alerts, 0, alerts.length);
            return statistics;
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt window statistics", e);
        }
    }
}
