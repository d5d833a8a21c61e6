package io.flowseg.evaluation;

/**
 * How much a case's samples differ as whole shapes: the mean over distinct sample pairs of
 * 1 - IoU, two empty samples being identical (distance 0), as the service's {@code sampleDiversity}
 * figure counts it. A few-step sampler that collapses its M samples onto one mask scores 0 here
 * whatever its Dice, which is why sweeps report it beside GED.
 */
final class SampleDiversity {

    private SampleDiversity() {
    }

    static double of(boolean[][] samples) {
        if (samples.length < 2) {
            return 0;
        }
        return NanStatistics.mean(PairwiseScores.distinctPairs(samples,
                (a, b) -> 1.0 - MaskOverlap.iou(a, b, EmptyPairConvention.SCORE_ONE)));
    }
}
