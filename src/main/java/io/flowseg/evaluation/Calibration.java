package io.flowseg.evaluation;

import java.util.ArrayList;
import java.util.List;

/** Calibration of the model's uncertainty against the spread of the raters. */
public final class Calibration {

    /** Default number of reliability bins. */
    public static final int DEFAULT_BINS = 10;

    private Calibration() {
    }

    /**
     * Pearson correlation over pixels between the population variance of the M soft samples and the
     * variance of the E binary rater masks (f(1-f) for rater frequency f). NaN when either map is constant.
     */
    public static double varianceCorrelation(CaseMasks masks) {
        double[] mean = masks.meanMap();
        double[] predictedVariance = new double[mean.length];
        for (float[] sample : masks.softSamples()) {
            for (int p = 0; p < mean.length; p++) {
                double d = sample[p] - mean[p];
                predictedVariance[p] += d * d;
            }
        }
        double[] frequency = masks.raterFrequency();
        double[] raterVariance = new double[frequency.length];
        for (int p = 0; p < mean.length; p++) {
            predictedVariance[p] /= masks.sampleCount();
            raterVariance[p] = frequency[p] * (1 - frequency[p]);
        }
        return pearson(predictedVariance, raterVariance);
    }

    /**
     * Reliability table with {@code binCount} equal bins on [0, 1] (last bin closed) of the mean map
     * against the rater frequency, and its expected calibration error.
     */
    public static ReliabilityTable reliability(CaseMasks masks, int binCount) {
        return reliability(masks.meanMap(), masks.raterFrequency(), binCount);
    }

    /** As {@link #reliability(CaseMasks, int)} from a precomputed mean map and rater frequency. */
    public static ReliabilityTable reliability(double[] predicted, double[] observed, int binCount) {
        long[] count = new long[binCount];
        double[] predictedSum = new double[binCount];
        double[] observedSum = new double[binCount];
        for (int p = 0; p < predicted.length; p++) {
            int bin = Math.min((int) (predicted[p] * binCount), binCount - 1); // 1.0 goes to the last bin
            count[bin]++;
            predictedSum[bin] += predicted[p];
            observedSum[bin] += observed[p];
        }
        List<ReliabilityBin> bins = new ArrayList<>(binCount);
        double weightedGap = 0;
        for (int b = 0; b < binCount; b++) {
            double meanPredicted = count[b] == 0 ? Double.NaN : predictedSum[b] / count[b];
            double meanObserved = count[b] == 0 ? Double.NaN : observedSum[b] / count[b];
            if (count[b] > 0) {
                weightedGap += count[b] * Math.abs(meanPredicted - meanObserved);
            }
            bins.add(new ReliabilityBin((double) b / binCount, (double) (b + 1) / binCount, count[b],
                    meanPredicted, meanObserved));
        }
        double ece = predicted.length == 0 ? Double.NaN : weightedGap / predicted.length;
        return new ReliabilityTable(bins, ece);
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double covariance = 0;
        double varianceX = 0;
        double varianceY = 0;
        for (int i = 0; i < n; i++) {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            varianceX += (x[i] - meanX) * (x[i] - meanX);
            varianceY += (y[i] - meanY) * (y[i] - meanY);
        }
        if (varianceX == 0 || varianceY == 0) {
            return Double.NaN;
        }
        return covariance / Math.sqrt(varianceX * varianceY);
    }
}
