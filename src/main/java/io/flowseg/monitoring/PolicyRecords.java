package io.flowseg.monitoring;

import io.flowseg.alerts.AlertPolicy;
import io.flowseg.alerts.Comparator;
import io.flowseg.alerts.PolicyScope;
import io.flowseg.alerts.Severity;
import io.flowseg.events.AlertSeverity;
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
        io.flowseg.events.PolicyScope scope = record.getScope();
        return new AlertPolicy(record.getId(), new PolicyScope(scope.getSite(), scope.getModality(), scope.getBodyPart()),
                UncertaintyFigure.parse(record.getFigure()), Comparator.valueOf(record.getComparator().name()),
                record.getThreshold(), Severity.valueOf(record.getSeverity().name()), record.getEnabled(),
                record.getDescription());
    }

    public static ThresholdPolicy toRecord(AlertPolicy policy, Instant updatedAt) {
        PolicyScope scope = policy.scope();
        return ThresholdPolicy.newBuilder()
                .setId(policy.id())
                .setScope(io.flowseg.events.PolicyScope.newBuilder()
                        .setSite(scope.site())
                        .setModality(scope.modality())
                        .setBodyPart(scope.bodyPart())
                        .build())
                .setFigure(policy.figure().id())
                .setComparator(ThresholdComparator.valueOf(policy.comparator().name()))
                .setThreshold(policy.threshold())
                .setSeverity(AlertSeverity.valueOf(policy.severity().name()))
                .setEnabled(policy.enabled())
                .setDescription(policy.description())
                .setUpdatedAt(updatedAt)
                .build();
    }
}
