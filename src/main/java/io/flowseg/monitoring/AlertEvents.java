package io.flowseg.monitoring;

import io.flowseg.alerts.AlertPolicy;
import io.flowseg.events.UncertaintyAlert;
import io.flowseg.events.UncertaintyFigures;
import io.flowseg.events.UncertaintyMap;
import io.flowseg.uncertainty.UncertaintySummary;

/** Between the Avro results and the alerts core: figures in, alerts out. */
final class AlertEvents {

    private AlertEvents() {
    }

    static UncertaintySummary summary(UncertaintyFigures f) {
        return UncertaintySummary.of(figure -> (Number) f.get(figure.id()));
    }

    /** The alert a policy raised on a study's uncertainty map, with the value it observed. */
    static UncertaintyAlert alert(AlertPolicy policy, UncertaintyMap map, double observed) {
        return UncertaintyAlert.newBuilder()
                .setStudy(map.getStudy())
                .setPolicyId(policy.id())
                .setFigure(policy.figure().id())
                .setComparator(policy.comparator().name())
                .setThreshold(policy.threshold())
                .setObserved(observed)
                .setSeverity(policy.severity().name())
                .setDescription(policy.description())
                .setSettings(map.getSettings())
                .setTimings(map.getTimings())
                .build();
    }
}
