package io.flowseg.monitoring;

import io.flowseg.events.UncertaintyAlert;
import java.util.function.Predicate;

/**
 * Which recent alerts a query wants; null fields match anything. A record rather than a lambda,
 * so that a query asked of the whole cluster can hand the same filter to every instance.
 *
 * @param site     the study's site (any case)
 * @param severity the alert's severity (any case)
 * @param policy   the policy id
 * @param study    the study id
 */
public record AlertFilter(String site, String severity, String policy, String study)
        implements Predicate<UncertaintyAlert> {
    public static final AlertFilter ANY = new AlertFilter(null, null, null, null);

    public static AlertFilter ofStudy(String studyId) {
        return new AlertFilter(null, null, null, studyId);
    }

    @Override
    public boolean test(UncertaintyAlert alert) {
        return (site == null || site.equalsIgnoreCase(alert.getStudy().getSite()))
                && (severity == null || severity.equalsIgnoreCase(alert.getSeverity()))
                && (policy == null || policy.equals(alert.getPolicyId()))
                && (study == null || study.equals(alert.getStudy().getStudyId()));
    }
}
