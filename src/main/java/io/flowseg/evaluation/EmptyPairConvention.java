package io.flowseg.evaluation;

import java.util.Locale;

/**
 * How IoU and Dice treat a pair of masks that are both empty (0/0).
 *
 * <p>The choice moves GED and HM-IoU a lot on LIDC (many lesion-free rater masks), so its
 * {@link #label()} is carried in every result and should be printed next to every figure.
 */
public enum EmptyPairConvention {
    /** Two empty masks agree perfectly: IoU = Dice = 1 exactly (the reference code's 1e-5 smoothing, unsmoothed). Default. */
    SCORE_ONE("empty-empty=1"),
    /** The pair is left out of every mean it would enter; a mean with no pairs left is NaN. */
    SKIP("empty-empty=skipped");

    /** The documented default. */
    public static final EmptyPairConvention DEFAULT = SCORE_ONE;

    private final String label;

    EmptyPairConvention(String label) {
        this.label = label;
    }

    /** Short human-readable form for printing next to figures. */
    public String label() {
        return label;
    }

    /** The command-line form: {@code score-one} or {@code skip}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the command-line form, case-insensitively. */
    public static EmptyPairConvention parse(String text) {
        for (EmptyPairConvention convention : values()) {
            if (convention.id().equalsIgnoreCase(text.trim())) {
                return convention;
            }
        }
        throw new IllegalArgumentException("unknown empty-pair convention '" + text + "' (known: score-one, skip)");
    }
}
