package io.flowseg.alerts;

import io.flowseg.uncertainty.UncertaintyFigure;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which policies apply to a study. For each figure, of the enabled policies whose scope matches
 * the study, the most specific applies ({@link AlertScope#MOST_SPECIFIC_FIRST}); between equally
 * specific scopes the higher severity wins, then the smaller id, so the choice never depends on
 * the order policies arrived in. Policies on different figures apply side by side.
 */
public final class PolicySelection {

    /** Precedence among matching policies on one figure: the first applies. */
    static final java.util.Comparator<AlertPolicy> PRECEDENCE = java.util.Comparator
            .comparing(AlertPolicy::scope, AlertScope.MOST_SPECIFIC_FIRST)
            .thenComparing(AlertPolicy::severity, java.util.Comparator.reverseOrder())
            .thenComparing(AlertPolicy::id);

    private PolicySelection() {
    }

    /** The policies that apply to a study of this site, modality and body part, at most one per figure. */
    public static List<AlertPolicy> applicable(Collection<AlertPolicy> policies, String site, String modality,
                                               String bodyPart) {
        Map<UncertaintyFigure, AlertPolicy> chosen = new EnumMap<>(UncertaintyFigure.class);
        for (AlertPolicy policy : policies) {
            if (policy.enabled() && policy.scope().matches(site, modality, bodyPart)) {
                chosen.merge(policy.figure(), policy, (a, b) -> PRECEDENCE.compare(a, b) <= 0 ? a : b);
            }
        }
        return List.copyOf(chosen.values());
    }
}
