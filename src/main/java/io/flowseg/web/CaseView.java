package io.flowseg.web;

import io.flowseg.events.SettingsUsed;
import io.flowseg.events.StudyRef;
import io.flowseg.events.UncertaintyAlert;
import io.flowseg.events.UncertaintyFigures;
import io.flowseg.monitoring.AlertedCase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A recently alerted study as the dashboard shows it (GET /api/cases, and the live `case` events). */
public record CaseView(String studyId, String site, String modality, String bodyPart, Instant acquisitionTime,
                       Instant raisedAt, List<AlertSummary> alerts, UncertaintyFigures figures, SettingsUsed settings,
                       Map<String, String> images) {

    /** One alert of the case. */
    public record AlertSummary(String policyId, String severity, String figure, String comparator, double threshold,
                               double observed, String description) {
    }

    static CaseView of(AlertedCase alerted) {
        StudyRef study = alerted.map().getStudy();
        String base = "/api/cases/" + URLEncoder.encode(alerted.studyId(), StandardCharsets.UTF_8).replace("+", "%20");
        return new CaseView(alerted.studyId(), study.getSite(), study.getModality(), study.getBodyPart(),
                study.getAcquisitionTime(), alerted.raisedAt(),
                alerted.alerts().stream().map(recent -> summary(recent.alert())).toList(),
                alerted.map().getSummary(), alerted.map().getSettings(),
                Map.of("image", base + "/image.png", "overlay", base + "/overlay.png", "variance", base + "/variance.png"));
    }

    private static AlertSummary summary(UncertaintyAlert alert) {
        return new AlertSummary(alert.getPolicyId(), alert.getSeverity(), alert.getFigure(), alert.getComparator(),
                alert.getThreshold(), alert.getObserved(), alert.getDescription());
    }
}
