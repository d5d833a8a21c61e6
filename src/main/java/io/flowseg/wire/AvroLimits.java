package io.flowseg.wire;

/**
 * Caps the lengths Avro's decoder believes. Avro allocates a string, bytes or array of the
 * length an event claims before reading it, so a 12-byte event claiming a 2 GB study id would
 * throw OutOfMemoryError in the consumer instead of being dead-lettered. No field can be longer
 * than the event holding it, so the limit is the largest event accepted. Avro reads these JVM-wide
 * settings once, when it first decodes: set them before anything is decoded.
 */
public final class AvroLimits {
    static final String[] PROPERTIES = {
        "org.apache.avro.limits.string.maxLength",
        "org.apache.avro.limits.bytes.maxLength",
        "org.apache.avro.limits.collectionItems.maxLength",
    };

    private AvroLimits() {
    }

    /**
     * Fails when a cap is below the largest event accepted (set in application.properties alone,
     * the limit is read too late for {@link #capAt}): such events would be undecodable.
     */
    public static void requireAtLeast(int maxEventBytes) {
        for (String property : PROPERTIES) {
            String cap = System.getProperty(property);
            if (cap != null && Long.parseLong(cap.trim()) < maxEventBytes) {
                throw new IllegalStateException(property + " is " + cap.trim() + ", below the largest event accepted ("
                        + maxEventBytes + " bytes, flowseg.processor.max-message-bytes): set that limit with -D or "
                        + "FLOWSEG_PROCESSOR_MAX_MESSAGE_BYTES, or raise " + property);
            }
        }
    }

    /** Caps every Avro length at {@code maxEventBytes}, unless the JVM was given its own cap. */
    public static void capAt(int maxEventBytes) {
        for (String property : PROPERTIES) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, Integer.toString(maxEventBytes));
            }
        }
    }
}
