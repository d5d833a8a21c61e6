package io.flowseg.cli;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.engine.SegmentationEngine;
import io.flowseg.engine.Study;
import io.flowseg.engine.StudyResult;
import io.flowseg.imaging.Image;
import io.flowseg.imaging.MapImages;
import io.flowseg.model.ComputeDevice;
import io.flowseg.model.VelocityModel;
import io.flowseg.model.VelocityPredictor;
import io.flowseg.sampling.SamplingSettings;
import io.flowseg.service.ConfiguredEngine;
import io.flowseg.service.ModelSource;
import io.flowseg.uncertainty.PixelSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Draws M segmentations of one image and writes the maps, the samples and summary.json. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Segment one image: consensus, mean and variance maps, samples and summary.json.")
public class SampleCommand implements Callable<Integer> {
    static final String EXAMPLE = "examples/lidc-nodule.jpg";

    @Option(names = "--image", paramLabel = "FILE",
            description = "PNG or JPEG image, or raw pixels with --raw-shape (default: a bundled LIDC example)")
    Path image;

    @Option(names = "--raw-shape", paramLabel = "WxHxC", description = "read --image as raw little-endian pixels of this shape")
    String rawShape;

    @Option(names = "--pixel-type", paramLabel = "TYPE", defaultValue = "uint8",
            description = "raw pixel type: uint8, uint16, int16, float32 (default: ${DEFAULT-VALUE})")
    String pixelType;

    @Option(names = "--spacing", paramLabel = "ROW,COL", description = "pixel spacing in mm, for areas in mm^2")
    String spacing;

    @Option(names = "--study-id", paramLabel = "ID", description = "study id; seeds the noise when --seed is absent (default: the image's file name)")
    String studyId;

    @Option(names = "--model", paramLabel = "FILE", description = "flowseg model file or TorchScript archive (default: flowseg.model.path, else the bundled trained model)")
    Path model;

    @Mixin
    SamplingOptions sampling = new SamplingOptions();

    @Mixin
    SamplingPresetOption preset = new SamplingPresetOption();

    @Option(names = "--noise", paramLabel = "FILE.npy", description = "explicit initial noise, float32 [M,1,R,R] or [M,R,R] at model resolution R")
    Path noise;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "output folder")
    Path out;

    private final FlowsegConfig config;
    private final ModelSource models;

    public SampleCommand(FlowsegConfig config, ModelSource models) {
        this.config = config;
        this.models = models;
    }

    @Override
    public Integer call() throws IOException {
        ImageInput input = ImageInput.from(image, rawShape, pixelType, config.image());
        Image decoded = input.decode();
        try (VelocityModel velocityModel = models.loadVelocityField(model); VelocityPredictor field = velocityModel.newPredictor()) {
            InitialNoise initialNoise = InitialNoise.read(noise, field.resolution());
            SamplingSettings settings = sampling.overConfigured(config, preset);
            if (initialNoise != null) {
                settings = withNoiseSampleCount(settings, initialNoise);
            }
            Study study = new Study(studyId != null ? studyId : input.name(), decoded, parseSpacing(spacing),
                    settings, initialNoise == null ? null : initialNoise.samples());
            SegmentationEngine engine = ConfiguredEngine.create(field, config);

            long start = System.nanoTime();
            StudyResult result = engine.segment(List.of(study), new ProgressBar(System.err, "sampling")).get(0);
            double seconds = (System.nanoTime() - start) / 1e9;
            write(result, velocityModel, initialNoise != null, seconds);
            System.out.printf("wrote %s (M=%d, w=%s, %d %s steps, seed %d) in %.1f s: mean variance %.4f, diversity %.3f%n",
                    out, settings.samples(), settings.guidance(), settings.steps(), settings.solver().id(), result.seed(), seconds,
                    result.summary().meanVariance(), result.summary().sampleDiversity());
            return 0;
        }
    }

    /** With explicit noise, M is the file's sample count; an explicit --samples must agree. */
    private SamplingSettings withNoiseSampleCount(SamplingSettings settings, InitialNoise noise) {
        int m = noise.samples().length;
        if (sampling.samples != null && sampling.samples != m) {
            throw new IllegalArgumentException("--samples " + sampling.samples + " disagrees with the "
                    + m + " samples in --noise");
        }
        return new SamplingSettings(m, settings.guidance(), settings.steps(), settings.solver(), settings.seed());
    }

    private void write(StudyResult result, VelocityModel velocityModel, boolean noiseGiven, double seconds)
            throws IOException {
        Files.createDirectories(out);
        int w = result.width();
        int h = result.height();
        Files.write(out.resolve("consensus.png"), MapImages.maskPng(result.consensusMask(), w, h));
        Files.write(out.resolve("mean.png"), MapImages.grayPng(result.meanMap(), w, h));
        Files.write(out.resolve("variance.png"), MapImages.heatMapPng(result.varianceMap(), w, h, MapImages.MAX_VARIANCE));
        for (int i = 0; i < result.samples().samples().length; i++) {
            Files.write(out.resolve(String.format("sample-%02d.png", i)),
                    MapImages.grayPng(result.sampleAtOriginalSize(i), w, h));
        }
        String seedSource = noiseGiven ? "noise file" : sampling.seed != null ? "given" : "derived from study id";
        SummaryJson.write(out.resolve("summary.json"), result, velocityModel.info(), seedSource,
                ComputeDevice.get().toString(), seconds);
    }

    private static PixelSize parseSpacing(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--spacing takes ROW,COL in mm, e.g. 0.7,0.7");
        }
        return new PixelSize(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
    }
}
