package io.flowseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.imaging.FieldOfView;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flowseg model file: save, load, and the errors of files that are not (whole) models. */
class VelocityModelFileTest {
    @TempDir
    Path dir;

    @Test
    void untrainedModelRoundTrips() throws IOException {
        Path file = dir.resolve("tiny.flowseg");
        TestModels.Batch batch = TestModels.randomBatch(TestModels.TINY, 3, 5);
        try (VelocityModel original = VelocityModel.untrained(TestModels.TINY, 11)) {
            original.save(file, "v-test");
            try (VelocityModel loaded = VelocityModel.load(file)) {
                ModelInfo before = original.info();
                ModelInfo after = loaded.info();
                assertEquals("flowseg", after.format());
                assertEquals("tiny.flowseg", after.name());
                assertEquals("v-test", after.version());
                assertEquals(before.preset(), after.preset());
                assertEquals("custom", after.preset());
                assertEquals(before.imageChannels(), after.imageChannels());
                assertEquals(before.resolution(), after.resolution());
                assertEquals(before.parameters(), after.parameters());
                assertTrue(after.parameters() > 10_000, "parameters: " + after.parameters());
                assertEquals(Optional.of(TestModels.TINY), loaded.config());

                float[] expected = TestModels.evaluate(original, batch);
                float[] actual = TestModels.evaluate(loaded, batch);
                assertEquals(3 * 16 * 16, actual.length);
                // The output convolution starts at zero (as in the paper's network): zero velocity.
                assertEquals(0.0, TestModels.maxAbs(expected));
                assertArrayEquals(expected, actual);

                // The parameters themselves: saving the loaded model reproduces the file byte for byte.
                Path again = dir.resolve("again.flowseg");
                loaded.save(again, "v-test");
                assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again));
            }
        }
    }

    @Test
    void theFieldOfViewTravelsWithTheFile() throws IOException {
        Path file = dir.resolve("centre.flowseg");
        UNetConfig centre = TestModels.TINY.withFieldOfView(new FieldOfView(0.25));
        try (VelocityModel original = VelocityModel.untrained(centre, 3)) {
            original.save(file, "v-centre");
        }
        try (VelocityModel loaded = VelocityModel.load(file)) {
            assertEquals(new FieldOfView(0.25), loaded.info().view());
            assertEquals(new FieldOfView(0.25), loaded.newPredictor().view());
            assertEquals(Optional.of(centre), loaded.config());
        }
    }

    /** A header written before the field of view existed reads as the whole image. */
    @Test
    void olderHeadersSeeTheWholeImage() throws IOException {
        String json = "{\"preset\":\"custom\",\"imageChannels\":1,\"resolution\":16,\"baseChannels\":8,"
                + "\"channelMultipliers\":[1,2],\"residualBlocksPerLevel\":1,\"attentionResolutions\":[8],"
                + "\"middleAttention\":true,\"attentionHeads\":2,\"normGroups\":4,\"dropout\":0.0}";
        UNetConfig old = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, UNetConfig.class);
        assertEquals(TestModels.TINY, old);
        assertEquals(FieldOfView.WHOLE, old.view());
        assertFalse(old.stepConditioned(), "and takes no step size");
    }

    @Test
    void untrainedWeightsFollowTheSeed() throws IOException {
        byte[] a = saved(VelocityModel.untrained(TestModels.TINY, 5), "a");
        byte[] b = saved(VelocityModel.untrained(TestModels.TINY, 5), "b");
        byte[] c = saved(VelocityModel.untrained(TestModels.TINY, 6), "c");
        assertArrayEquals(a, b, "same seed, same weights");
        assertEquals(a.length, c.length);
        assertFalse(Arrays.equals(a, c), "another seed, other weights");
    }

    private byte[] saved(VelocityModel model, String name) throws IOException {
        try (model) {
            Path file = dir.resolve(name + ".flowseg");
            model.save(file, "same-version");
            return Files.readAllBytes(file);
        }
    }

    @Test
    void trainedLookingWeightsRoundTripBitForBit() throws IOException {
        Path source = TestModels.writeNonZeroModel(TestModels.TINY, 21, dir.resolve("source.flowseg"), "v-src");
        Path copy = dir.resolve("sub/dir/copy.flowseg");
        TestModels.Batch batch = TestModels.randomBatch(TestModels.TINY, 4, 9);
        try (VelocityModel first = VelocityModel.load(source)) {
            assertEquals("v-src", first.info().version());
            first.save(copy, "v-test");
            try (VelocityModel second = VelocityModel.load(copy)) {
                assertEquals("v-test", second.info().version());
                assertEquals(first.info().parameters(), second.info().parameters());
                float[] expected = TestModels.evaluate(first, batch);
                assertTrue(TestModels.maxAbs(expected) > 1e-2, "the test network must not output zeros");
                assertArrayEquals(expected, TestModels.evaluate(second, batch));
            }
        }
        try (var files = Files.list(copy.getParent())) {
            assertEquals(1, files.count(), "no partial file left next to the saved one");
        }
    }

    @Test
    void badMagicBytesAreRejected() throws IOException {
        Path file = dir.resolve("garbage.bin");
        Files.write(file, "NOTAFLOWSEGMODEL, just some bytes".getBytes(StandardCharsets.US_ASCII));
        IOException error = assertThrows(IOException.class, () -> VelocityModel.load(file));
        assertTrue(error.getMessage().contains("garbage.bin") && error.getMessage().contains("neither a flowseg model"),
                error.getMessage());

        byte[] wrongVersionByte = Files.readAllBytes(validFile());
        wrongVersionByte[7] = 2;
        Path other = dir.resolve("other.flowseg");
        Files.write(other, wrongVersionByte);
        error = assertThrows(IOException.class, () -> VelocityModel.load(other));
        assertTrue(error.getMessage().contains("neither a flowseg model"), error.getMessage());
    }

    @Test
    void unsupportedFormatVersionIsRejected() throws IOException {
        Path file = dir.resolve("future.flowseg");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            ModelFile.writeHeader(out, new ModelFile.Header(ModelFile.FORMAT_VERSION + 1, "v", TestModels.TINY, null));
        }
        IOException error = assertThrows(IOException.class, () -> VelocityModel.load(file));
        assertTrue(error.getMessage().contains("format " + (ModelFile.FORMAT_VERSION + 1)), error.getMessage());
    }

    @Test
    void truncatedFilesFailWithAClearMessage() throws IOException {
        byte[] whole = Files.readAllBytes(validFile());
        int headerEnd = ModelFile.MAGIC.length + 4 + readInt(whole, ModelFile.MAGIC.length);
        int[] cuts = {0, 3, ModelFile.MAGIC.length, ModelFile.MAGIC.length + 2, headerEnd - 10, headerEnd,
            headerEnd + 5, headerEnd + 200, (headerEnd + whole.length) / 2, whole.length - 1};
        for (int cut : cuts) {
            Path file = dir.resolve("cut-" + cut + ".flowseg");
            Files.write(file, Arrays.copyOf(whole, cut));
            IOException error = assertThrows(IOException.class, () -> VelocityModel.load(file).close(),
                    "a file cut at " + cut + " of " + whole.length + " bytes must not load");
            String message = error.getMessage();
            assertNotNull(message, "cut at " + cut + ": " + error);
            assertTrue(message.contains(file.getFileName().toString()),
                    "cut at " + cut + ": the message names the file: " + message);
        }
    }

    @Test
    void missingFilesAndDirectoriesAreRejected() {
        Path missing = dir.resolve("missing.flowseg");
        IOException error = assertThrows(IOException.class, () -> VelocityModel.load(missing));
        assertTrue(error.getMessage().contains("not found"), error.getMessage());
        assertThrows(IOException.class, () -> VelocityModel.load(dir));
    }

    private Path validFile() throws IOException {
        Path file = dir.resolve("valid.flowseg");
        if (!Files.exists(file)) {
            try (VelocityModel model = VelocityModel.untrained(TestModels.TINY, 1)) {
                model.save(file, "v-valid");
            }
        }
        return file;
    }

    private static int readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16)
                | ((bytes[offset + 2] & 0xff) << 8) | (bytes[offset + 3] & 0xff);
    }
}
