package io.flowseg.monitoring;

import io.flowseg.events.SegmentationResult;
import io.flowseg.events.UncertaintyMap;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A recently alerted study as the dashboard shows it: its alerts (newest first), its uncertainty
 * map and, once it has arrived, its segmentation (mask and image preview).
 */
public record AlertedCase(String studyId, Instant raisedAt, List<RecentAlert> alerts, UncertaintyMap map,
                          Optional<SegmentationResult> segmentation) {

    /** The case of a study's map and its alerts (at least one, newest first), raised when its newest alert was. */
    static AlertedCase of(UncertaintyMap map, List<RecentAlert> alerts, Optional<SegmentationResult> segmentation) {
        return new AlertedCase(map.getStudy().getStudyId(), alerts.get(0).raisedAt(), alerts, map, segmentation);
    }
}
