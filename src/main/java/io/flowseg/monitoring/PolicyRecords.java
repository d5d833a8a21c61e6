package io.flowseg.monitoring;

import io.flowseg.alerts.AlertPolicy;
import io.flowseg.alerts.AlertScope;
import io.flowseg.alerts.Comparator;
import io.flowseg.alerts.Severity;
import io.flowseg.events.AlertSeverity;
import io.flowseg.events.PolicyScope;
import io.flowseg.events.ThresholdComparator;
import io.flowseg.events.ThresholdPolicy;
import io.flowseg.uncertainty.UncertaintyFigure;
import java.time.Instant;

/** Policies as the topic carries them ({@link ThresholdPolicy}) and as the alerts core evaluates them. */
public final class PolicyRecords {

    private PolicyRecords() {
    }

    /** @throws IllegalArgumentException for a record no policy can come from (an unknown figure, a non-finite threshold) */
    public static AlertPolicy toPolicy(ThresholdPolicy record) {
        PolicyScope scope = record.getScope();
        return new AlertPolicy(record.getId(), new AlertScope(scope.getSite(), scope.getModality(), scope.getBodyPart()),
                UncertaintyFigure.parse(record.getFigure()), comparator(record.getComparator()),
                record.getThreshold(), severity(record.getSeverity()), record.getEnabled(),
                record.getDescription());
    }

    public static ThresholdPolicy toRecord(AlertPolicy policy, Instant updatedAt) {
        AlertScope scope = policy.scope();
        return ThresholdPolicy.newBuilder()
                .setId(policy.id())
                .setScope(PolicyScope.newBuilder()
                        .setSite(scope.site())
                        .setModality(scope.modality())
                        .setBodyPart(scope.bodyPart())
                        .build())
                .setFigure(policy.figure().id())
                .setComparator(comparator(policy.comparator()))
                .setThreshold(policy.threshold())
                .setSeverity(severity(policy.severity()))
                .setEnabled(policy.enabled())
                .setDescription(policy.description())
                .setUpdatedAt(updatedAt)
                .build();
    }

    // Exhaustive switches, so a symbol added to the contract or to the domain fails the build here
    // instead of a lookup by name failing at run time.
    private static Comparator comparator(ThresholdComparator comparator) {
        return switch (comparator) {
            case GT -> Comparator.GT;
            case GE -> Comparator.GE;
            case LT -> Comparator.LT;
            case LE -> Comparator.LE;
        };
    }

    private static ThresholdComparator comparator(Comparator comparator) {
        return switch (comparator) {
            case GT -> ThresholdComparator.GT;
            case GE -> ThresholdComparator.GE;
            case LT -> ThresholdComparator.LT;
            case LE -> ThresholdComparator.LE;
        };
    }

    private static Severity severity(AlertSeverity severity) {
        return switch (severity) {
            case INFO -> Severity.INFO;
            case WARNING -> Severity.WARNING;
            case CRITICAL -> Severity.CRITICAL;
        };
    }

    private static AlertSeverity severity(Severity severity) {
        return switch (severity) {
            case INFO -> AlertSeverity.INFO;
            case WARNING -> AlertSeverity.WARNING;
            case CRITICAL -> AlertSeverity.CRITICAL;
        };
    }
}
