package io.flowseg.alerts;

import java.util.Locale;

/** How a policy compares the observed figure with its threshold. */
public enum Comparator {
    GT(">") {
        @Override
        boolean holds(double observed, double threshold) {
            return observed > threshold;
        }
    },
    GE(">=") {
        @Override
        boolean holds(double observed, double threshold) {
            return observed >= threshold;
        }
    },
    LT("<") {
        @Override
        boolean holds(double observed, double threshold) {
            return observed < threshold;
        }
    },
    LE("<=") {
        @Override
        boolean holds(double observed, double threshold) {
            return observed <= threshold;
        }
    };

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    abstract boolean holds(double observed, double threshold);

    public String symbol() {
        return symbol;
    }

    /** Accepts GT, GE, LT, LE (any case) or >, >=, <, <=. */
    public static Comparator parse(String text) {
        for (Comparator comparator : values()) {
            if (comparator.name().equals(text.toUpperCase(Locale.ROOT)) || comparator.symbol.equals(text)) {
                return comparator;
            }
        }
        throw new IllegalArgumentException("unknown comparator '" + text + "'; one of GT, GE, LT, LE");
    }
}
