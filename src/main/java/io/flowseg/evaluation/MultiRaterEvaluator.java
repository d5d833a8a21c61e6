package io.flowseg.evaluation;

import io.flowseg.uncertainty.SampleDiversity;

/** Computes every per-case metric under one empty-pair convention. */
public final class MultiRaterEvaluator {

    private final EmptyPairConvention convention;
    private final int reliabilityBins;

    /** Evaluator with {@link EmptyPairConvention#DEFAULT} and {@link Calibration#DEFAULT_BINS}. */
    public MultiRaterEvaluator() {
        this(EmptyPairConvention.DEFAULT, Calibration.DEFAULT_BINS);
    }

    public MultiRaterEvaluator(EmptyPairConvention convention, int reliabilityBins) {
        if (reliabilityBins < 1) {
            throw new IllegalArgumentException("reliabilityBins must be >= 1");
        }
        this.convention = convention;
        this.reliabilityBins = reliabilityBins;
    }

    public EmptyPairConvention convention() {
        return convention;
    }

    public CaseMetrics evaluate(CaseMasks masks) {
        boolean[][] samples = masks.samples();
        boolean[][] raters = masks.raters();
        return new CaseMetrics(
                convention,
                GeneralizedEnergyDistance.compute(samples, raters, convention),
                HungarianMatchedIoU.compute(samples, raters, convention),
                DiceScores.paperDice(masks, convention),
                DiceScores.found(masks),
                CollectiveInsight.compute(samples, raters, convention),
                Calibration.varianceCorrelation(masks),
                Calibration.reliability(masks, reliabilityBins),
                SampleDiversity.of(samples));
    }
}
