package io.flowseg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MaxBatchTest {

    @Test
    void readsRowsOrAuto() {
        assertEquals(OptionalInt.of(64), MaxBatch.of(" 64 ").rows());
        assertTrue(MaxBatch.of("auto").auto());
        assertTrue(MaxBatch.of("AUTO").auto());
        assertFalse(MaxBatch.of("32").auto());
        assertEquals("auto", MaxBatch.of("auto").toString());
    }

    @Test
    void rejectsWhatIsNeitherWithTheSettingsName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MaxBatch.of("lots")).getMessage()
                .contains("flowseg.engine.max-batch"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MaxBatch.of("1")).getMessage()
                .contains("at least 2"));
    }

    @Test
    void theConfigurationReadsTheSettingAndNamesWhatIsWrong() {
        assertTrue(config("auto").getValue("flowseg.engine.max-batch", MaxBatch.class).auto());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> config("lots").getValue("flowseg.engine.max-batch", MaxBatch.class));
        assertTrue(bad.getMessage().contains("must be a number of rows or auto, not 'lots'"), bad.getMessage());
    }

    private static SmallRyeConfig config(String maxBatch) {
        return new SmallRyeConfigBuilder().addDiscoveredConverters()
                .withDefaultValue("flowseg.engine.max-batch", maxBatch).build();
    }
}
