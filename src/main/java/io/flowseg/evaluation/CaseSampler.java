package io.flowseg.evaluation;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.sampling.SamplingProgress;
import java.util.List;

/** A source of M plausible soft masks per case: the flow model, or a baseline to compare it with. */
public interface CaseSampler {

    /** Short name for tables ({@code flow}, {@code oracle}). */
    String name();

    /** Every setting that shapes the samples, for tables, reports and CSV files. */
    String describe();

    /** The samples of every case, in case order. */
    List<CaseSamples> sample(List<MultiRaterCase> cases, SamplingProgress progress);

    /** How a sampler's seed reads in {@link #describe()}. */
    static String seedText(Long seed) {
        return seed == null ? "seed from case id" : "seed " + seed;
    }
}
