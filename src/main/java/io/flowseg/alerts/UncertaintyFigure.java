package io.flowseg.alerts;

import io.flowseg.uncertainty.UncertaintySummary;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A summary figure a policy can watch, named as in the UncertaintyFigures Avro record. */
public enum UncertaintyFigure {
    MEAN_VARIANCE("meanVariance", UncertaintySummary::meanVariance),
    MAX_VARIANCE("maxVariance", UncertaintySummary::maxVariance),
    MEAN_VARIANCE_FOREGROUND("meanVarianceForeground", UncertaintySummary::meanVarianceForeground),
    MAX_VARIANCE_FOREGROUND("maxVarianceForeground", UncertaintySummary::maxVarianceForeground),
    P95_VARIANCE("p95Variance", UncertaintySummary::p95Variance),
    UNCERTAIN_AREA_FRACTION("uncertainAreaFraction", UncertaintySummary::uncertainAreaFraction),
    UNCERTAIN_AREA_PIXELS("uncertainAreaPixels", UncertaintySummary::uncertainAreaPixels),
    FOREGROUND_AREA_PIXELS("foregroundAreaPixels", UncertaintySummary::foregroundAreaPixels),
    FOREGROUND_AREA_MM2("foregroundAreaMm2", UncertaintySummary::foregroundAreaMm2),
    ANY_FOREGROUND_AREA_PIXELS("anyForegroundAreaPixels", UncertaintySummary::anyForegroundAreaPixels),
    SAMPLE_DIVERSITY("sampleDiversity", UncertaintySummary::sampleDiversity),
    MEAN_ENTROPY("meanEntropy", UncertaintySummary::meanEntropy);

    private final String id;
    private final Function<UncertaintySummary, Double> reader;

    UncertaintyFigure(String id, Function<UncertaintySummary, Double> reader) {
        this.id = id;
        this.reader = reader;
    }

    /** The field name, e.g. {@code meanVarianceForeground}. */
    public String id() {
        return id;
    }

    /** The study's value, or null where it has none (mm² without pixel spacing). */
    public Double of(UncertaintySummary summary) {
        return reader.apply(summary);
    }

    /** Accepts the field name or the constant name, in any case. */
    public static UncertaintyFigure parse(String name) {
        for (UncertaintyFigure figure : values()) {
            if (figure.id.equalsIgnoreCase(name) || figure.name().equalsIgnoreCase(name)) {
                return figure;
            }
        }
        throw new IllegalArgumentException("unknown uncertainty figure '" + name + "'; one of "
                + Arrays.stream(values()).map(UncertaintyFigure::id).collect(Collectors.joining(", ")));
    }
}
