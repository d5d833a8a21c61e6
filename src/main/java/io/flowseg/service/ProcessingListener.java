package io.flowseg.service;

import io.flowseg.engine.Priority;

/** Told what the service did, for metrics. Called on the processor's thread, except {@link #batched}. */
public interface ProcessingListener {
    ProcessingListener NONE = new ProcessingListener() { };

    /** A study's results were committed. */
    default void processed(Priority priority, long queuedMs, long samplingMs, long endToEndMs) {
    }

    /** An event was committed to the dead-letter topic. */
    default void rejected(RejectReason reason) {
    }

    /** A study started beside this many studies in progress, itself included (called on the dispatcher's thread). */
    default void batched(int studies) {
    }
}
