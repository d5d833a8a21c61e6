package io.flowseg.cli;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.imaging.EncodedImageDecoder;
import io.flowseg.imaging.Image;
import io.flowseg.imaging.ImageLimits;
import io.flowseg.imaging.RawImageDecoder;
import io.flowseg.imaging.SampleType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The image a command reads: a file (encoded or raw) or the bundled example. */
record ImageInput(String name, byte[] bytes, int[] rawShape, SampleType pixelType, ImageLimits limits) {

    static ImageInput from(Path file, String rawShape, String pixelType, FlowsegConfig.ImageIntake intake)
            throws IOException {
        ImageLimits limits = new ImageLimits(intake.maxWidth(), intake.maxHeight());
        int[] shape = rawShape == null ? null : parseShape(rawShape);
        SampleType type = SampleType.valueOf(pixelType.toUpperCase(Locale.ROOT));
        if (file == null) {
            try (InputStream in = ImageInput.class.getClassLoader().getResourceAsStream(SampleCommand.EXAMPLE)) {
                if (in == null) {
                    throw new IOException("bundled example " + SampleCommand.EXAMPLE + " is missing from the build");
                }
                return new ImageInput("lidc-nodule.jpg", in.readAllBytes(), shape, type, limits);
            }
        }
        return new ImageInput(file.getFileName().toString(), Files.readAllBytes(file), shape, type, limits);
    }

    Image decode() {
        return rawShape == null
                ? new EncodedImageDecoder(limits).decode(bytes)
                : new RawImageDecoder(limits).decode(bytes, rawShape[0], rawShape[1], rawShape[2], pixelType);
    }

    private static int[] parseShape(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("x");
        if (parts.length != 3) {
            throw new IllegalArgumentException("--raw-shape takes WIDTHxHEIGHTxCHANNELS, e.g. 512x512x1");
        }
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }
}
