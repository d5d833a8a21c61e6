package io.flowseg.streaming;

/**
 * The topics flowseg reads and writes ({@code flowseg.topics.*}); the constants are their defaults.
 *
 * @param studies       ImageStudy events in
 * @param segmentations SegmentationResult events out
 * @param uncertainty   UncertaintyMap events out
 * @param alerts        UncertaintyAlert events, written by the monitoring topology
 * @param deadLetter    StudyRejected records out
 */
public record Topics(String studies, String segmentations, String uncertainty, String alerts, String deadLetter) {
    public static final String STUDIES = "flowseg.studies";
    public static final String SEGMENTATIONS = "flowseg.segmentations";
    public static final String UNCERTAINTY = "flowseg.uncertainty-maps";
    public static final String ALERTS = "flowseg.alerts";
    public static final String DEAD_LETTER = "flowseg.studies.dead-letter";
    /** ThresholdPolicy records (compacted), read by the monitoring topology. */
    public static final String POLICIES = "flowseg.policies";
    /** UncertaintyStatistics records, written by the monitoring topology. */
    public static final String STATISTICS = "flowseg.statistics";

    public static Topics defaults() {
        return new Topics(STUDIES, SEGMENTATIONS, UNCERTAINTY, ALERTS, DEAD_LETTER);
    }
}
