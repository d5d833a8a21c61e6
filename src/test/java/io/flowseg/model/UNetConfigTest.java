package io.flowseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class UNetConfigTest {

    /** Counts cross-checked against the PyTorch mirror in scripts/torch_unet.py. */
    @Test
    void presetParameterCounts() {
        try (VelocityModel small = VelocityModel.untrained(UNetConfig.small(1, 128), 0)) {
            assertEquals(2_063_665L, small.info().parameters());
            assertEquals("small", small.info().preset());
        }
        try (VelocityModel paper = VelocityModel.untrained(UNetConfig.paper(1, 128), 0)) {
            assertEquals(23_250_241L, paper.info().parameters());
            assertEquals("paper", paper.info().preset());
        }
    }

    @Test
    void presetsByName() {
        assertEquals(UNetConfig.paper(3, 64), UNetConfig.preset("paper", 3, 64));
        assertEquals(UNetConfig.small(1, 32), UNetConfig.preset("small", 1, 32));
        assertEquals(List.of(64), UNetConfig.paper(1, 128).attentionResolutions(), "attention at 64 px");
        assertThrows(IllegalArgumentException.class, () -> UNetConfig.preset("large", 1, 128));
    }

    @Test
    void inconsistentConfigurationsAreRejected() {
        // 4 levels need a resolution divisible by 8
        assertThrows(IllegalArgumentException.class, () -> UNetConfig.small(1, 100));
        // width 8 * 1 not divisible by 3 groups
        assertThrows(IllegalArgumentException.class,
                () -> new UNetConfig("custom", 1, 16, 8, List.of(1, 2), 1, List.of(), false, 1, 3));
        // width 8 not divisible by 3 heads
        assertThrows(IllegalArgumentException.class,
                () -> new UNetConfig("custom", 1, 16, 8, List.of(1, 2), 1, List.of(), false, 3, 4));
        assertThrows(IllegalArgumentException.class,
                () -> new UNetConfig("custom", 0, 16, 8, List.of(1, 2), 1, List.of(), false, 2, 4));
        assertThrows(IllegalArgumentException.class,
                () -> new UNetConfig("custom", 1, 16, 8, List.of(), 1, List.of(), false, 2, 4));
    }
}
