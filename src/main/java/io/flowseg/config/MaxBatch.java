package io.flowseg.config;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * {@code flowseg.engine.max-batch}: rows per forward pass, or {@code auto} to measure them on the
 * device at start-up (see {@code engine.RowBudgetCalibration}).
 *
 * @param rows the fixed rows; empty for auto
 */
public record MaxBatch(OptionalInt rows) {
    public static final String AUTO = "auto";

    public MaxBatch {
        if (rows.isPresent() && rows.getAsInt() < 2) {
            throw new IllegalArgumentException("flowseg.engine.max-batch must be at least 2 (a guided sample takes two rows) or "
                    + AUTO + ", not " + rows.getAsInt());
        }
    }

    /** Parses a number of rows or {@code auto} (the configuration reads it through {@link MaxBatchConverter}). */
    public static MaxBatch of(String text) {
        String value = text.trim();
        if (value.toLowerCase(Locale.ROOT).equals(AUTO)) {
            return new MaxBatch(OptionalInt.empty());
        }
        try {
            return new MaxBatch(OptionalInt.of(Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("flowseg.engine.max-batch must be a number of rows or " + AUTO + ", not '"
                    + text + "'", e);
        }
    }

    public boolean auto() {
        return rows.isEmpty();
    }

    @Override
    public String toString() {
        return rows.isPresent() ? Integer.toString(rows.getAsInt()) : AUTO;
    }
}
