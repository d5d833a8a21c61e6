package io.flowseg.config;

import org.eclipse.microprofile.config.spi.Converter;

/** Reads {@code flowseg.engine.max-batch}; registered as a service so a bad value's message reaches the user whole. */
public final class MaxBatchConverter implements Converter<MaxBatch> {

    @Override
    public MaxBatch convert(String value) {
        return MaxBatch.of(value);
    }
}
