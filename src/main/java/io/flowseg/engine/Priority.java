package io.flowseg.engine;

/** How soon a study must be sampled; declared most urgent first, which is the order queued studies are admitted in. */
public enum Priority {
    /** Immediate: admitted ahead of every queued study of lower priority. */
    STAT,
    URGENT,
    /** The default. */
    ROUTINE
}
