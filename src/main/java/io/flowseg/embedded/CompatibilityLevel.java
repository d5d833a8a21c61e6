package io.flowseg.embedded;

import io.flowseg.wire.SchemaResolution;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Confluent's compatibility levels: which earlier versions of a subject a new schema is checked
 * against (the latest, or all for the transitive levels) and in which direction. Backward: the new
 * schema can read data written with the earlier one, so consumers upgrade first. Forward: the
 * earlier schema can read data written with the new one, so producers upgrade first.
 */
enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** Case-insensitive, as Confluent reads it; empty for an unknown name. */
    static Optional<CompatibilityLevel> parse(String name) {
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Why {@code candidate} may not follow the subject's versions, or empty when it may.
     *
     * @param versions the subject's schemas, oldest first
     */
    Optional<String> incompatibility(Schema candidate, List<Schema> versions) {
        List<Schema> checked = transitive || versions.isEmpty() ? versions : versions.subList(versions.size() - 1, versions.size());
        for (Schema earlier : checked) {
            Optional<String> problem = incompatibility(candidate, earlier);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** Why {@code candidate} is incompatible with one earlier schema in this level's directions, or empty. */
    Optional<String> incompatibility(Schema candidate, Schema earlier) {
        Optional<String> problem = backward ? SchemaResolution.problem(candidate, earlier) : Optional.empty();
        if (problem.isEmpty() && forward) {
            problem = SchemaResolution.problem(earlier, candidate);
        }
        return problem;
    }
}
