package io.flowseg.wire;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The caps flowseg gives Avro, and the start-up check that they hold the largest event accepted. */
class AvroLimitsTest {
    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void clear() {
        for (String property : AvroLimits.PROPERTIES) {
            saved.put(property, System.getProperty(property));
            System.clearProperty(property);
        }
    }

    @AfterEach
    void restore() {
        saved.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }

    @Test
    void capsEveryLengthAtTheLargestEventUnlessTheJvmHasItsOwnCap() {
        System.setProperty("org.apache.avro.limits.bytes.maxLength", "999");

        AvroLimits.capAt(4096);

        assertEquals("4096", System.getProperty("org.apache.avro.limits.string.maxLength"));
        assertEquals("999", System.getProperty("org.apache.avro.limits.bytes.maxLength"));
        assertEquals("4096", System.getProperty("org.apache.avro.limits.collectionItems.maxLength"));
    }

    @Test
    void aCapBelowTheLargestEventFailsTheStartNamingBothSettings() {
        AvroLimits.capAt(1024);

        assertDoesNotThrow(() -> AvroLimits.requireAtLeast(1024));
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> AvroLimits.requireAtLeast(2048));
        assertTrue(failure.getMessage().contains("flowseg.processor.max-message-bytes"), failure.getMessage());
        assertTrue(failure.getMessage().contains("org.apache.avro.limits."), failure.getMessage());
    }
}
