package io.flowseg.demo;

import io.flowseg.events.ImageStudy;
import io.flowseg.events.SegmentationResult;
import io.flowseg.events.StudyRejected;
import io.flowseg.events.UncertaintyAlert;
import io.flowseg.events.UncertaintyMap;
import java.util.ArrayList;
import java.util.List;

/**
 * What the demo saw come back for one study it sent: its results and alerts, or its dead letter.
 * Mutable: filled in as events arrive.
 */
final class StudyOutcome {
    final ImageStudy sent;
    SegmentationResult segmentation;
    UncertaintyMap uncertainty;
    final List<UncertaintyAlert> alerts = new ArrayList<>();
    StudyRejected rejected;
    boolean shown;
    /** When its results were all in (System.nanoTime), or 0. */
    long answeredAt;

    StudyOutcome(ImageStudy sent) {
        this.sent = sent;
    }

    /** Results or a dead letter have arrived. */
    boolean answered() {
        return rejected != null || (segmentation != null && uncertainty != null);
    }
}
