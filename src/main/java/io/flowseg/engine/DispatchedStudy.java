package io.flowseg.engine;

/**
 * A study the engine has finished.
 *
 * @param result       its segmentation and uncertainty
 * @param queuedMs     from submission to its samples joining the engine's passes
 * @param samplingMs   from then to its result: its share of the passes, and its summary
 * @param batchStudies how many studies were in progress when it started, itself included
 */
public record DispatchedStudy(StudyResult result, long queuedMs, long samplingMs, int batchStudies) {
}
