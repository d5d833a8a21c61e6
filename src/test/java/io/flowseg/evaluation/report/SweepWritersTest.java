package io.flowseg.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.evaluation.SweepRow;
import io.flowseg.sampling.OdeSolver;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepWritersTest {
    @TempDir
    Path dir;

    private final List<SweepRow> rows = List.of(
            ReportFixtures.row(OdeSolver.EULER, 0.3f, 5, 0.40, 0.50),
            ReportFixtures.row(OdeSolver.EULER, 0.3f, 10, 0.30, 0.55),
            ReportFixtures.row(OdeSolver.HEUN, 0.3f, 5, 0.25, Double.NaN),
            ReportFixtures.row(OdeSolver.HEUN, 0.3f, 10, 0.20, 0.60));

    @Test
    void csvHasOneRowPerGridPointWithCostMeansSpreadsAndConvention() throws Exception {
        Path file = dir.resolve("sweep.csv");
        SweepCsv.write(file, rows);
        List<List<String>> lines = CsvFiles.read(file);

        List<String> header = lines.get(0);
        assertEquals(List.of("preset", "solver", "steps", "guidance", "samples", "seed", "network_evaluations_per_study",
                "seconds_per_study", "GED", "GED_std", "HM-IoU", "HM-IoU_std"), header.subList(0, 12));
        assertEquals("empty_pairs", header.get(header.size() - 1));
        assertEquals(5, lines.size());
        assertEquals(List.of("", "heun", "5", "0.3", "4", "from case id", "80", "0.05", "0.25", "0", "NaN", "NaN"),
                lines.get(3).subList(0, 12), "a grid point names no preset");
        for (List<String> line : lines) {
            assertEquals(header.size(), line.size());
        }
        assertEquals("empty-empty=1", lines.get(1).get(header.size() - 1));
    }

    @Test
    void plotDecodesAndDrawsOneColouredLinePerSolverAndGuidance() throws Exception {
        Path file = dir.resolve("sweep.png");
        SweepPlot.write(file, rows);
        BufferedImage png = ImageIO.read(file.toFile());

        assertEquals(SweepPlot.WIDTH, png.getWidth());
        assertEquals(SweepPlot.HEIGHT, png.getHeight());
        assertTrue(pixelsOf(png, SweepPlot.PALETTE[0].getRGB()) > 50, "euler w=0.3");
        assertTrue(pixelsOf(png, SweepPlot.PALETTE[1].getRGB()) > 50, "heun w=0.3");
        assertEquals(0, pixelsOf(png, SweepPlot.PALETTE[2].getRGB()), "no third line");
    }

    private static int pixelsOf(BufferedImage image, int argb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (argb & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }
}
