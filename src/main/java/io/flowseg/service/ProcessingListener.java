package io.flowseg.service;

/** Told what the service did, for metrics. Called on the processor's thread, except {@link #batched}. */
public interface ProcessingListener {
    ProcessingListener NONE = new ProcessingListener() { };

    /** A study's results were committed. */
    default void processed(long queuedMs, long samplingMs, long endToEndMs) {
    }

    /** An event was committed to the dead-letter topic. */
    default void rejected(RejectReason reason) {
    }

    /** The engine sampled this many studies together (called on the dispatcher's thread). */
    default void batched(int studies) {
    }
}
