package io.flowseg.cli;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.dataset.MultiRaterFolder;
import io.flowseg.dataset.SyntheticGenerator;
import io.flowseg.dataset.SyntheticManifest;
import io.flowseg.dataset.SyntheticPreset;
import io.flowseg.evaluation.LesionStatistics;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes synthetic multi-rater cases in the folder format, with the manifest that lets eval draw oracle masks. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Generate synthetic multi-rater cases with known ambiguity (deterministic by seed).")
public class SynthCommand implements Callable<Integer> {

    @Option(names = "--preset", defaultValue = "lidc", description = "kind of scene: lidc (shaped like the LIDC sample) or classic (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--cases", defaultValue = "100", description = "cases to write (default: ${DEFAULT-VALUE})")
    int cases;

    @Option(names = "--raters", defaultValue = "4", description = "raters per case (default: ${DEFAULT-VALUE})")
    int raters;

    @Option(names = "--seed", defaultValue = "0", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--size", defaultValue = "128", description = "image side in pixels (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--compare", paramLabel = "DIR", description = "also print the generated cases' lesion figures beside those of this multi-rater folder")
    Path compare;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (required unless --compare only prints)")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (cases < 1 || raters < 1) {
            throw new IllegalArgumentException("--cases and --raters must be at least 1");
        }
        if (out == null && compare == null) {
            throw new IllegalArgumentException("give --out DIR to write the cases (or --compare DIR to print figures)");
        }
        SyntheticPreset kind = SyntheticPreset.parse(preset);
        List<MultiRaterCase> generated = new SyntheticGenerator(size, kind).cases(cases, raters, seed);
        if (out != null) {
            new MultiRaterFolder().write(out, generated);
            SyntheticManifest.of(kind, size, cases, raters, seed).write(out);
            System.out.printf("wrote %d %s cases x %d raters (%dx%d, seed %d) to %s%n", cases, kind.id(), raters,
                    size, size, seed, out);
        }
        if (compare != null) {
            System.out.print(comparison(compare.toString(), LesionStatistics.of(new MultiRaterFolder().read(compare)),
                    kind.id() + " preset", LesionStatistics.of(generated)));
        }
        return 0;
    }

    /** The figures a preset is matched to, a column per data set. */
    static String comparison(String leftName, LesionStatistics left, String rightName, LesionStatistics right) {
        String row = "%-52s %14s %14s%n";
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, row, "figure (areas and offsets in pixels of 128 px)",
                shorten(leftName), shorten(rightName)));
        table.append(String.format(Locale.ROOT, row, "cases", left.cases(), right.cases()));
        line(table, row, "share of cases most raters leave empty", left.mostRatersEmptyShare(), right.mostRatersEmptyShare());
        line(table, row, "marked area per rater, 10th percentile", left.areaP10(), right.areaP10());
        line(table, row, "marked area per rater, median", left.areaMedian(), right.areaMedian());
        line(table, row, "marked area per rater, 90th percentile", left.areaP90(), right.areaP90());
        line(table, row, "lesion centroid's distance from the centre", left.centreOffset(), right.centreOffset());
        line(table, row, "IoU between two raters who mark", left.pairwiseIoU(), right.pairwiseIoU());
        line(table, row, "background intensity (0..1)", left.backgroundMean(), right.backgroundMean());
        line(table, row, "lesion contrast over background (median)", left.lesionContrast(), right.lesionContrast());
        return table.toString();
    }

    private static void line(StringBuilder table, String row, String figure, double left, double right) {
        table.append(String.format(Locale.ROOT, row, figure, format(left), format(right)));
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "-" : Math.abs(value) >= 10 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String shorten(String name) {
        return name.length() <= 14 ? name : "..." + name.substring(name.length() - 11);
    }
}
