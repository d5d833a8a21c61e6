package io.flowseg.wire;

import java.util.Locale;
import org.apache.avro.Schema;

/**
 * The subject under which a topic's key or value schema is registered, with the semantics of
 * Confluent's strategies of the same names. Only {@link #TOPIC_NAME} serves primitive schemas such
 * as a "string" key: the others name the subject after a record.
 */
public enum SubjectNameStrategy {

    /** {@code <topic>-key} or {@code <topic>-value}: one schema lineage per topic (Confluent's default). */
    TOPIC_NAME("TopicNameStrategy") {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + (isKey ? "-key" : "-value");
        }
    },
    /** The record's full name: one lineage per record type, shared by every topic carrying it. */
    RECORD_NAME("RecordNameStrategy") {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return recordName(schema);
        }
    },
    /** {@code <topic>-<record full name>}: several record types in one topic, each with its own lineage. */
    TOPIC_RECORD_NAME("TopicRecordNameStrategy") {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + "-" + recordName(schema);
        }
    };

    private static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

    private final String confluentClassName;

    SubjectNameStrategy(String confluentClassName) {
        this.confluentClassName = confluentClassName;
    }

    /**
     * The subject for a topic's key ({@code isKey}) or value schema.
     *
     * @throws IllegalArgumentException when this strategy needs a record and the schema is not one
     */
    public abstract String subject(String topic, boolean isKey, Schema schema);

    /**
     * Reads a strategy from configuration: a constant name ({@code TOPIC_NAME}, any case) or the
     * name of Confluent's class ({@code TopicNameStrategy} or
     * {@code io.confluent.kafka.serializers.subject.TopicNameStrategy}), so Confluent client
     * configurations carry over unchanged.
     */
    public static SubjectNameStrategy parse(String name) {
        String trimmed = name.trim();
        String simpleName = trimmed.startsWith(CONFLUENT_PACKAGE) ? trimmed.substring(CONFLUENT_PACKAGE.length()) : trimmed;
        for (SubjectNameStrategy strategy : values()) {
            if (strategy.name().equals(trimmed.toUpperCase(Locale.ROOT)) || strategy.confluentClassName.equals(simpleName)) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("unknown subject name strategy '" + name
                + "'; use TOPIC_NAME, RECORD_NAME or TOPIC_RECORD_NAME (or Confluent's class names)");
    }

    // Not private: the constants' bodies are subclasses, which cannot see private members.
    String recordName(Schema schema) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException(name() + " names subjects after records, but the schema is "
                    + schema.getType().getName() + "; use TOPIC_NAME for primitive keys and values");
        }
        return schema.getFullName();
    }
}
