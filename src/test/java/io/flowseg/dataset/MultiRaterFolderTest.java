package io.flowseg.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiRaterFolderTest {
    @TempDir
    Path dir;

    private final MultiRaterFolder folder = new MultiRaterFolder();

    @Test
    void writeThenReadKeepsImagesAndMasks() throws IOException {
        List<MultiRaterCase> cases = new SyntheticGenerator(32, SyntheticPreset.CLASSIC).cases(3, 4, 2);
        folder.write(dir, cases);
        List<MultiRaterCase> read = folder.read(dir);
        assertEquals(3, read.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(cases.get(i).id(), read.get(i).id());
            assertArrayEquals(cases.get(i).image().pixels(), read.get(i).image().pixels(), 0.5f);
            assertEquals(4, read.get(i).raters());
            for (int k = 0; k < 4; k++) {
                assertArrayEquals(cases.get(i).raterMasks().get(k), read.get(i).raterMasks().get(k));
            }
        }
    }

    /** The LIDC sample's layout: numeric folders, image_N.jpg, JPEG masks with compression noise. */
    @Test
    void readsLidcStyleJpegCasesInNumericOrder() throws IOException {
        for (String name : new String[] {"10", "2", "1"}) {
            Path c = Files.createDirectories(dir.resolve(name));
            write(gray(8, 8, 100, 3), c.resolve("image_" + name + ".jpg"), "jpg");
            write(gray(8, 8, 0, 0), c.resolve("label1_.jpg"), "jpg");
            BufferedImage mask = gray(8, 8, 0, 0);
            for (int x = 0; x < 4; x++) {
                mask.getRaster().setSample(x, 0, 0, 250);
            }
            write(mask, c.resolve("label0_.jpg"), "jpg");
        }
        List<MultiRaterCase> read = folder.read(dir);
        assertEquals(List.of("1", "2", "10"), read.stream().map(MultiRaterCase::id).toList());
        MultiRaterCase first = read.get(0);
        assertEquals(2, first.raters());
        assertTrue(first.raterMasks().get(0)[0] && first.raterMasks().get(0)[3]);
        assertEquals(4, count(first.raterMasks().get(0)), "JPEG noise must not leak into the mask");
        assertEquals(0, count(first.raterMasks().get(1)));
    }

    @Test
    void caseWithoutImageOrWithMismatchedMaskIsAnError() throws IOException {
        Path noImage = Files.createDirectories(dir.resolve("a"));
        write(gray(4, 4, 0, 0), noImage.resolve("label0_.png"), "png");
        assertThrows(IOException.class, () -> folder.read(dir));

        Path other = Files.createDirectories(dir.resolve("b").resolve("c"));
        write(gray(4, 4, 50, 1), other.resolve("image_0.png"), "png");
        write(gray(5, 4, 0, 0), other.resolve("label0_.png"), "png");
        IOException e = assertThrows(IOException.class, () -> folder.read(dir.resolve("b")));
        assertTrue(e.getMessage().contains("label0_.png"), e.getMessage());
        assertThrows(IOException.class, () -> folder.read(dir.resolve("missing")));
    }

    private static BufferedImage gray(int w, int h, int base, int step) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.getRaster().setSample(x, y, 0, base + step * (x + y));
            }
        }
        return image;
    }

    private static void write(BufferedImage image, Path file, String format) throws IOException {
        ImageIO.write(image, format, file.toFile());
    }

    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
