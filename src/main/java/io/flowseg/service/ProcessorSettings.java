package io.flowseg.service;

import io.flowseg.config.TopicNames;
import java.time.Duration;

/**
 * How the processor consumes and commits ({@code flowseg.processor.*}).
 *
 * @param topics          topic names
 * @param pollTimeout     longest wait in one poll; also how soon finished studies are published
 * @param maxInFlight     studies taken but not yet finished before the consumer pauses its partitions
 * @param maxMessageBytes events larger than this are dead-lettered before any decoding
 * @param drainTimeout    on shutdown, how long to wait for studies in progress to finish and be published
 */
public record ProcessorSettings(TopicNames topics, Duration pollTimeout, int maxInFlight, int maxMessageBytes,
                                Duration drainTimeout) {

    public ProcessorSettings {
        if (maxInFlight < 1 || maxMessageBytes < 1) {
            throw new IllegalArgumentException("maxInFlight and maxMessageBytes must be positive");
        }
    }
}
