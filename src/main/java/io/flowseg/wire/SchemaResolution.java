package io.flowseg.wire;

import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.SchemaCompatibility;

/** Avro's schema resolution rules, as {@link SchemaCompatibility} checks them, with a readable verdict. */
public final class SchemaResolution {

    private SchemaResolution() {
    }

    /** Why data written with {@code writer} cannot be read with {@code reader}; empty when it can. */
    public static Optional<String> problem(Schema reader, Schema writer) {
        SchemaPairCompatibility pair = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (pair.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return Optional.empty();
        }
        // The first incompatibility says enough; the full description repeats both schemas.
        return Optional.of(pair.getResult().getIncompatibilities().stream()
                .findFirst()
                .map(first -> first.getType() + " at " + first.getLocation() + ": " + first.getMessage())
                .orElse(pair.getType().toString()));
    }
}
