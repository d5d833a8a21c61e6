package io.flowseg.uncertainty;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The summary figures of a study's uncertainty, in order: the one list that the Avro record
 * (UncertaintyFigures, same field names), alert policies, summary.json, the reports and the
 * dashboard's figure catalogue all read.
 */
public enum UncertaintyFigure {
    SAMPLES("samples", "samples M", Unit.COUNT, UncertaintySummary::samples),
    MEAN_VARIANCE("meanVariance", "mean variance", Unit.VARIANCE, UncertaintySummary::meanVariance),
    MAX_VARIANCE("maxVariance", "max variance", Unit.VARIANCE, UncertaintySummary::maxVariance),
    MEAN_VARIANCE_FOREGROUND("meanVarianceForeground", "mean variance (foreground)", Unit.VARIANCE,
            UncertaintySummary::meanVarianceForeground),
    MAX_VARIANCE_FOREGROUND("maxVarianceForeground", "max variance (foreground)", Unit.VARIANCE,
            UncertaintySummary::maxVarianceForeground),
    P95_VARIANCE("p95Variance", "p95 variance", Unit.VARIANCE, UncertaintySummary::p95Variance),
    UNCERTAIN_AREA_FRACTION("uncertainAreaFraction", "uncertain area (share)", Unit.FRACTION,
            UncertaintySummary::uncertainAreaFraction),
    UNCERTAIN_AREA_PIXELS("uncertainAreaPixels", "uncertain area", Unit.PIXELS, UncertaintySummary::uncertainAreaPixels),
    FOREGROUND_AREA_PIXELS("foregroundAreaPixels", "consensus area", Unit.PIXELS,
            UncertaintySummary::foregroundAreaPixels),
    FOREGROUND_AREA_MM2("foregroundAreaMm2", "consensus area (physical)", Unit.SQUARE_MILLIMETRES,
            UncertaintySummary::foregroundAreaMm2),
    ANY_FOREGROUND_AREA_PIXELS("anyForegroundAreaPixels", "area in any sample", Unit.PIXELS,
            UncertaintySummary::anyForegroundAreaPixels),
    SAMPLE_DIVERSITY("sampleDiversity", "sample diversity", Unit.DISTANCE, UncertaintySummary::sampleDiversity),
    MEAN_ENTROPY("meanEntropy", "mean entropy", Unit.BITS, UncertaintySummary::meanEntropy);

    /** What a figure counts, and how it is written for people. */
    public enum Unit {
        COUNT("", "%.0f"),
        VARIANCE("", "%.4f"),
        FRACTION("", "%.4f"),
        PIXELS("px", "%.0f"),
        SQUARE_MILLIMETRES("mm²", "%.1f"),
        DISTANCE("1 - IoU", "%.4f"),
        BITS("bits", "%.4f");

        private final String symbol;
        private final String format;

        Unit(String symbol, String format) {
            this.symbol = symbol;
            this.format = format;
        }

        public String symbol() {
            return symbol;
        }
    }

    private final String id;
    private final String label;
    private final Unit unit;
    private final Function<UncertaintySummary, Number> reader;

    UncertaintyFigure(String id, String label, Unit unit, Function<UncertaintySummary, Number> reader) {
        this.id = id;
        this.label = label;
        this.unit = unit;
        this.reader = reader;
    }

    /** The field name, e.g. {@code meanVarianceForeground}. */
    public String id() {
        return id;
    }

    /** For people, e.g. "mean variance (foreground)". */
    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    /** The study's value as the Avro field holds it (an Integer for M), or null where it has none (mm² without pixel spacing). */
    public Number numberIn(UncertaintySummary summary) {
        return reader.apply(summary);
    }

    /** The study's value as a double, or null where it has none. */
    public Double of(UncertaintySummary summary) {
        Number value = numberIn(summary);
        return value != null ? value.doubleValue() : null;
    }

    /** The value written for people with its unit, or "-" where there is none. */
    public String format(Number value) {
        if (value == null) {
            return "-";
        }
        String number = String.format(Locale.ROOT, unit.format, value.doubleValue());
        return unit.symbol.isEmpty() ? number : number + " " + unit.symbol;
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
