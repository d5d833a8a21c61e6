package io.flowseg.evaluation;

/** A symmetric score between two masks; NaN means "pair skipped". */
@FunctionalInterface
interface MaskPairFunction {
    double apply(boolean[] a, boolean[] b);
}
