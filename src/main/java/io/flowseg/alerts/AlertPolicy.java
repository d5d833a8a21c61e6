package io.flowseg.alerts;

import io.flowseg.uncertainty.UncertaintyFigure;
import io.flowseg.uncertainty.UncertaintySummary;
import java.util.Objects;
import java.util.Optional;

/**
 * A threshold on one uncertainty figure for the studies in a scope: a study whose figure compares
 * true against the threshold raises an alert of the policy's severity.
 *
 * @param id          stable id, carried by every alert it raises
 * @param scope       the studies it watches
 * @param figure      the figure watched
 * @param comparator  how the figure is compared with the threshold
 * @param threshold   the level
 * @param severity    the alert's severity
 * @param enabled     a disabled policy raises nothing and takes no part in precedence
 * @param description what the alert means, for the person who receives it
 */
public record AlertPolicy(String id, AlertScope scope, UncertaintyFigure figure, Comparator comparator,
                          double threshold, Severity severity, boolean enabled, String description) {

    public AlertPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(comparator, "comparator");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(description, "description");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("policy " + id + ": threshold must be finite, got " + threshold);
        }
    }

    /** The observed value when this policy fires on the summary; empty when it does not (or the study lacks the figure). */
    public Optional<Double> firesOn(UncertaintySummary summary) {
        Double observed = figure.of(summary);
        return observed != null && comparator.holds(observed, threshold) ? Optional.of(observed) : Optional.empty();
    }
}
