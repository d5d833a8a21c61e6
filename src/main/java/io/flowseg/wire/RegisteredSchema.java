package io.flowseg.wire;

import org.apache.avro.Schema;

/**
 * One version of a subject, as the registry reports it.
 *
 * @param subject the subject
 * @param version the version within the subject, from 1
 * @param id      the schema's global id, the one the wire format carries
 * @param schema  the schema
 */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {
}
