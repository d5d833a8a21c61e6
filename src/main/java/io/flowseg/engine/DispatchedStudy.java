package io.flowseg.engine;
/**
 * A study the engine has finished.
 *
 * @param result       its segmentation and uncertainty
 * @param queuedMs     from submission to its batch starting
 * @param samplingMs   its batch's sampling and summarising time
 * @param batchStudies how many studies shared that batch
 */
public record DispatchedStudy(StudyResult result, long queuedMs, long samplingMs, int batchStudies) {
}
