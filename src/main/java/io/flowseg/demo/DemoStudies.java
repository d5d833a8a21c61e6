package io.flowseg.demo;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.dataset.SyntheticGenerator;
import io.flowseg.dataset.SyntheticPreset;
import io.flowseg.events.ImageStudy;
import io.flowseg.events.PixelEncoding;
import io.flowseg.events.PixelSpacing;
import io.flowseg.events.PixelType;
import io.flowseg.events.SamplingRequest;
import io.flowseg.events.StudyImage;
import io.flowseg.imaging.EncodedImageDecoder;
import io.flowseg.imaging.Image;
import io.flowseg.imaging.ImageLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * The demo's ImageStudy events: the LIDC test images as JPEG files (bundled, or from a folder in
 * the multi-rater layout) and synthetic scenes as raw float32 pixels, with M and w varied from
 * study to study as a hospital's requests would.
 */
public final class DemoStudies {
    private static final String BUNDLED = "demo/lidc-testing/";
    private static final int SYNTHETIC_SIZE = 128;
    /** (M, w) of successive studies. */
    private static final int[] SAMPLES = {15, 8, 4, 15, 8, 15};
    private static final float[] GUIDANCE = {0.3f, 0f, 1f, 1f, 0.3f, 0f};

    private final IntFunction<SamplingRequest> requests;

    private DemoStudies(IntFunction<SamplingRequest> requests) {
        this.requests = requests;
    }

    /**
     * M and w vary from study to study; preset, steps and solver are the same for all, each null
     * where the service's default is to apply.
     */
    public static DemoStudies varied(String preset, Integer steps, String solver) {
        return new DemoStudies(index -> SamplingRequest.newBuilder()
                .setSamples(SAMPLES[index % SAMPLES.length])
                .setGuidance(GUIDANCE[index % GUIDANCE.length])
                .setPreset(preset)
                .setSteps(steps)
                .setSolver(solver)
                .build());
    }

    /** Every study asks for the same settings (benchmarks). */
    public static DemoStudies fixed(int samples, float guidance, int steps, String solver) {
        SamplingRequest request = SamplingRequest.newBuilder().setSamples(samples).setGuidance(guidance)
                .setSteps(steps).setSolver(solver).build();
        return new DemoStudies(index -> request);
    }

    /** The LIDC images named in the bundled index, or the {@code image_*} files under a multi-rater folder. */
    public static List<NamedImage> lidcImages(Path folder) throws IOException {
        List<NamedImage> images = new ArrayList<>();
        if (folder == null) {
            for (String name : resource(BUNDLED + "cases.txt").trim().split("\\s+")) {
                images.add(new NamedImage("lidc-" + name.replace(".jpg", ""), resourceBytes(BUNDLED + name)));
            }
            return images;
        }
        try (Stream<Path> files = Files.walk(folder, 2)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("image_.*\\.(jpg|jpeg|png)"))
                    .sorted().toList()) {
                images.add(new NamedImage("lidc-" + file.getParent().getFileName(), Files.readAllBytes(file)));
            }
        }
        return images;
    }

    /** An image file and the study id it is sent under. */
    public record NamedImage(String studyId, byte[] file) {
    }

    public List<ImageStudy> events(List<NamedImage> lidc, int synthetic, long seed) {
        List<ImageStudy> events = new ArrayList<>();
        EncodedImageDecoder decoder = new EncodedImageDecoder(ImageLimits.DEFAULT);
        for (NamedImage image : lidc) {
            Image decoded = decoder.decode(image.file()); // the declared shape must match the file's
            StudyImage studyImage = StudyImage.newBuilder()
                    .setWidth(decoded.width()).setHeight(decoded.height()).setChannels(decoded.channels())
                    .setEncoding(isPng(image.file()) ? PixelEncoding.PNG : PixelEncoding.JPEG)
                    .setPixelType(PixelType.UINT8)
                    .setPixelSpacing(new PixelSpacing(0.7, 0.7))
                    .setPixels(ByteBuffer.wrap(image.file()))
                    .build();
            events.add(event(image.studyId(), "lidc-demo", "CT", "CHEST", studyImage, events.size()));
        }
        for (MultiRaterCase scene : new SyntheticGenerator(SYNTHETIC_SIZE, SyntheticPreset.CLASSIC).cases(synthetic, 1, seed)) {
            events.add(event("synthetic-" + scene.id(), "synthetic", "SIM", "PHANTOM", raw(scene.image()),
                    events.size()));
        }
        return events;
    }

    private ImageStudy event(String studyId, String site, String modality, String bodyPart, StudyImage image,
                             int index) {
        return ImageStudy.newBuilder()
                .setStudyId(studyId)
                .setSeriesId(studyId + "-series")
                .setInstanceId(studyId + "-image")
                .setPatientRef("demo-patient-" + index)
                .setSite(site)
                .setModality(modality)
                .setBodyPart(bodyPart)
                .setAcquisitionTime(Instant.now())
                .setImage(image)
                .setSampling(requests.apply(index))
                .build();
    }

    private static boolean isPng(byte[] file) {
        return file.length > 1 && file[0] == (byte) 0x89 && file[1] == 'P';
    }

    private static StudyImage raw(Image image) {
        ByteBuffer pixels = ByteBuffer.allocate(image.pixels().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : image.pixels()) {
            pixels.putFloat(value);
        }
        return StudyImage.newBuilder()
                .setWidth(image.width()).setHeight(image.height()).setChannels(image.channels())
                .setEncoding(PixelEncoding.RAW_LE).setPixelType(PixelType.FLOAT32)
                .setPixels(ByteBuffer.wrap(pixels.array()))
                .build();
    }

    private static String resource(String name) {
        return new String(resourceBytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] resourceBytes(String name) {
        try (InputStream in = DemoStudies.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
