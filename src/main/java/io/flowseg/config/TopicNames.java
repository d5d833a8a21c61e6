package io.flowseg.config;

/**
 * The topics serve, demo and the monitoring topology read and write ({@code flowseg.topics.*}),
 * named once for all of them.
 *
 * @param studies       ImageStudy events in
 * @param segmentations SegmentationResult events out
 * @param uncertainty   UncertaintyMap events out
 * @param alerts        UncertaintyAlert events, written by the monitoring topology
 * @param deadLetter    StudyRejected records out
 * @param policies      ThresholdPolicy records (compacted), read by the monitoring topology
 * @param statistics    UncertaintyStatistics records, written by the monitoring topology
 */
public record TopicNames(String studies, String segmentations, String uncertainty, String alerts, String deadLetter,
                         String policies, String statistics) {

    /** The documented defaults. */
    public static TopicNames defaults() {
        return new TopicNames(FlowsegConfig.Topics.STUDIES, FlowsegConfig.Topics.SEGMENTATIONS,
                FlowsegConfig.Topics.UNCERTAINTY, FlowsegConfig.Topics.ALERTS, FlowsegConfig.Topics.DEAD_LETTER,
                FlowsegConfig.Topics.POLICIES, FlowsegConfig.Topics.STATISTICS);
    }

    public static TopicNames of(FlowsegConfig.Topics configured) {
        return new TopicNames(configured.studies(), configured.segmentations(), configured.uncertainty(),
                configured.alerts(), configured.deadLetter(), configured.policies(), configured.statistics());
    }

    /** Every name with the suffix appended: topics of their own for one run sharing a broker. */
    public TopicNames withSuffix(String suffix) {
        return new TopicNames(studies + suffix, segmentations + suffix, uncertainty + suffix, alerts + suffix,
                deadLetter + suffix, policies + suffix, statistics + suffix);
    }
}
