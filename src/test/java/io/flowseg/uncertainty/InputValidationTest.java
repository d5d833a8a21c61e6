package io.flowseg.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class InputValidationTest {

    private final UncertaintyAnalyzer analyzer = new UncertaintyAnalyzer(UncertaintySettings.defaults());

    @Test
    void defaultsMatchTheDocumentedValues() {
        UncertaintySettings defaults = UncertaintySettings.defaults();

        assertEquals(0.05, defaults.uncertainVarianceLevel());
        assertEquals(0.5, defaults.foregroundThreshold());
    }

    @Test
    void rejectsMissingOrEmptySamples() {
        assertRejected(() -> analyzer.analyse(null, 1, 1), "at least one sample");
        assertRejected(() -> analyzer.analyse(new float[0][], 1, 1), "at least one sample");
        assertRejected(() -> analyzer.analyse(new float[][] {{0}, null}, 1, 1), "sample 1 is null");
    }

    @Test
    void rejectsSamplesOfTheWrongLength() {
        float[][] samples = {{0, 0, 0, 0}, {0, 0, 0}};

        assertRejected(() -> analyzer.analyse(samples, 2, 2), "sample 1 has 3 values, expected 4");
    }

    @Test
    void rejectsNonPositiveMapSize() {
        assertRejected(() -> analyzer.analyse(new float[][] {{}}, 0, 1), "map size must be positive");
        assertRejected(() -> analyzer.analyse(new float[][] {{0}}, 1, -1), "map size must be positive");
    }

    @Test
    void rejectsValuesOutsideTheUnitInterval() {
        assertRejected(() -> analyzer.analyse(new float[][] {{0, 1.5f}}, 2, 1), "sample 0 pixel 1");
        assertRejected(() -> analyzer.analyse(new float[][] {{0}, {-0.1f}}, 1, 1), "sample 1 pixel 0");
        assertRejected(() -> analyzer.analyse(new float[][] {{Float.NaN}}, 1, 1), "NaN");
    }

    @Test
    void rejectsMissingOrInvalidOriginalImage() {
        assertRejected(() -> analyzer.analyse(new float[][] {{0}}, 1, 1, null), "original image is required");
        assertRejected(() -> new OriginalImage(0, 10), "original image size must be positive");
        assertRejected(() -> new PixelSize(0, 1), "rowMm");
        assertRejected(() -> new PixelSize(1, Double.NaN), "columnMm");
    }

    @Test
    void rejectsInvalidSettings() {
        assertRejected(() -> new UncertaintySettings(-0.01, 0.5), "uncertainVarianceLevel");
        assertRejected(() -> new UncertaintySettings(Double.NaN, 0.5), "uncertainVarianceLevel");
        assertRejected(() -> new UncertaintySettings(0.05, 1.5), "foregroundThreshold");
        assertRejected(() -> new UncertaintyAnalyzer(null), "settings are required");
    }

    private static void assertRejected(Executable call, String expectedMessagePart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expectedMessagePart),
                () -> "message '" + e.getMessage() + "' should contain '" + expectedMessagePart + "'");
    }
}
