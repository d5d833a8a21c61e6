package io.flowseg.cli.demo;

import io.flowseg.events.ImageStudy;
import io.flowseg.events.SegmentationResult;
import io.flowseg.events.StudyRejected;
import io.flowseg.events.UncertaintyAlert;
import io.flowseg.events.UncertaintyMap;

/**
 * What the demo saw come back for one study it sent: its results and alert, or its dead letter.
 * Mutable: filled in as events arrive.
 */
final class StudyOutcome {
    final ImageStudy sent;
    SegmentationResult segmentation;
    UncertaintyMap uncertainty;
    UncertaintyAlert alert;
    StudyRejected rejected;
    boolean shown;

    StudyOutcome(ImageStudy sent) {
        this.sent = sent;
    }

    /** Results or a dead letter have arrived. */
    boolean answered() {
        return rejected != null || (segmentation != null && uncertainty != null);
    }
}
