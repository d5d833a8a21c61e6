package io.flowseg.service;

import io.flowseg.config.FlowsegConfig;

/**
 * The topics the study service reads and writes ({@code flowseg.topics.*}).
 *
 * @param studies       ImageStudy events in
 * @param segmentations SegmentationResult events out
 * @param uncertainty   UncertaintyMap events out
 * @param alerts        UncertaintyAlert events, written by the monitoring topology
 * @param deadLetter    StudyRejected records out
 */
public record Topics(String studies, String segmentations, String uncertainty, String alerts, String deadLetter) {
    public static Topics defaults() {
        return new Topics(FlowsegConfig.Topics.STUDIES, FlowsegConfig.Topics.SEGMENTATIONS, FlowsegConfig.Topics.UNCERTAINTY,
                FlowsegConfig.Topics.ALERTS, FlowsegConfig.Topics.DEAD_LETTER);
    }
}
