package io.flowseg.dataset;

import io.flowseg.imaging.EncodedImageDecoder;
import io.flowseg.imaging.Image;
import io.flowseg.imaging.ImageLimits;
import io.flowseg.imaging.MapImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The multi-rater folder format (the layout of the LIDC sample): one folder per case holding
 * one {@code image_*.png|jpg} and one {@code label<k>_.png|jpg} per rater. Masks are binarised
 * above half their range (> 127 for 8-bit), which absorbs JPEG noise.
 */
public final class MultiRaterFolder {
    private static final Pattern IMAGE = Pattern.compile("image_.*\\.(png|jpe?g)");
    private static final Pattern LABEL = Pattern.compile("label(\\d+)_?\\.(png|jpe?g)");

    private final EncodedImageDecoder decoder = new EncodedImageDecoder(ImageLimits.DEFAULT);

    /** Reads every case folder under {@code root}, in natural order of their names. */
    public List<MultiRaterCase> read(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("not a folder: " + root);
        }
        List<Path> folders;
        try (Stream<Path> entries = Files.list(root)) {
            folders = entries.filter(Files::isDirectory).sorted(NATURAL_ORDER).toList();
        }
        List<MultiRaterCase> cases = new ArrayList<>(folders.size());
        for (Path folder : folders) {
            cases.add(readCase(folder));
        }
        if (cases.isEmpty()) {
            throw new IOException("no case folders under " + root);
        }
        return cases;
    }

    private MultiRaterCase readCase(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> entries = Files.list(folder)) {
            files = entries.filter(Files::isRegularFile).toList();
        }
        List<Path> images = files.stream().filter(f -> IMAGE.matcher(name(f)).matches()).toList();
        if (images.size() != 1) {
            throw new IOException(folder + " must hold exactly one image_* file, found " + images.size());
        }
        List<Path> labels = files.stream().filter(f -> LABEL.matcher(name(f)).matches())
                .sorted(Comparator.comparingInt(MultiRaterFolder::raterIndex)).toList();
        Image image = decoder.decode(Files.readAllBytes(images.get(0)));
        List<boolean[]> masks = new ArrayList<>(labels.size());
        for (Path label : labels) {
            Image mask = decoder.decode(Files.readAllBytes(label));
            if (mask.width() != image.width() || mask.height() != image.height()) {
                throw new IOException(label + " is " + mask.width() + "x" + mask.height() + ", its image "
                        + image.width() + "x" + image.height());
            }
            masks.add(binarise(mask));
        }
        return new MultiRaterCase(folder.getFileName().toString(), image, masks);
    }

    /** Writes cases in the folder format: an 8-bit grayscale image_0.png (values clamped to 0..255) and label<k>_.png. */
    public void write(Path root, List<MultiRaterCase> cases) throws IOException {
        for (MultiRaterCase c : cases) {
            Path folder = Files.createDirectories(root.resolve(c.id()));
            Image image = c.image();
            float[] scaled = new float[image.width() * image.height()];
            for (int p = 0; p < scaled.length; p++) {
                scaled[p] = image.pixels()[p] / 255f;
            }
            Files.write(folder.resolve("image_0.png"), MapImages.grayPng(scaled, image.width(), image.height()));
            for (int k = 0; k < c.raters(); k++) {
                Files.write(folder.resolve("label" + k + "_.png"),
                        MapImages.maskPng(c.raterMasks().get(k), image.width(), image.height()));
            }
        }
    }

    /** Foreground where the first channel is above half of an 8- or 16-bit range. */
    private static boolean[] binarise(Image mask) {
        float max = 0;
        int pixels = mask.width() * mask.height();
        for (int p = 0; p < pixels; p++) {
            max = Math.max(max, mask.pixels()[p]);
        }
        float threshold = max > 255 ? 65535 / 2f : 127;
        boolean[] foreground = new boolean[pixels];
        for (int p = 0; p < pixels; p++) {
            foreground[p] = mask.pixels()[p] > threshold;
        }
        return foreground;
    }

    private static String name(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    private static int raterIndex(Path label) {
        Matcher m = LABEL.matcher(name(label));
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    /** Numeric folder names (0, 1, 10, 2 ...) sort as numbers, others by name. */
    private static final Comparator<Path> NATURAL_ORDER = Comparator
            .comparing((Path p) -> !p.getFileName().toString().matches("\\d+"))
            .thenComparingLong(p -> p.getFileName().toString().matches("\\d{1,18}")
                    ? Long.parseLong(p.getFileName().toString()) : 0)
            .thenComparing(p -> p.getFileName().toString());
}
