package io.flowseg.sampling;

/** Told after every forward pass how many of all network evaluations are done. */
@FunctionalInterface
public interface SamplingProgress {
    SamplingProgress NONE = (done, total) -> { };

    void update(long done, long total);
}
