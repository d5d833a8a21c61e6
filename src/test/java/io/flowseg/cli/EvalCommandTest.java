package io.flowseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.evaluation.EvaluationFixtures;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs `flowseg synth` then `flowseg eval` as a user would, on a tiny untrained network with cheap settings. */
@QuarkusMainTest
class EvalCommandTest {
    @TempDir
    Path dir;

    private Path synth(QuarkusMainLauncher launcher) {
        Path data = dir.resolve("data");
        LaunchResult result = launcher.launch("synth", "--cases", "3", "--raters", "2", "--size", "32", "--seed", "7",
                "--out", data.toString());
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertTrue(Files.isRegularFile(data.resolve("synthetic.json")));
        return data;
    }

    /** `eval` of the synthetic data with the tiny network, writing to {@code out}, with more options. */
    private LaunchResult evalTinyModel(QuarkusMainLauncher launcher, Path out, String... options) throws Exception {
        Path data = synth(launcher);
        Path model = EvaluationFixtures.writeTinyModel(dir.resolve("tiny.flowseg"));
        List<String> args = new ArrayList<>(List.of("eval", "--data", data.toString(), "--model", model.toString(),
                "--samples", "2", "--out", out.toString()));
        args.addAll(List.of(options));
        LaunchResult result = launcher.launch(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        return result;
    }

    @Test
    void evaluatesTheModelPrintsTheTableAndWritesReportAndCsv(QuarkusMainLauncher launcher) throws Exception {
        Path out = dir.resolve("eval");
        LaunchResult result = evalTinyModel(launcher, out, "--steps", "1", "--solver", "euler", "--guidance", "0");

        String table = result.getOutput();
        assertTrue(table.contains("metric"), table);
        assertTrue(table.matches("(?s).*\\nGED +[0-9.]+ +[0-9.]+ +3/3\\n.*"), table);
        assertTrue(table.contains("empty-empty=1 (--empty-pairs score-one); model tiny.flowseg, M=2, w=0.0, "
                + "1 euler steps, seed from case id; 2 network evaluations/study"), table);
        assertEquals(4, Files.readAllLines(out.resolve("metrics.csv")).size());
        String html = Files.readString(out.resolve("report.html"));
        assertEquals(3, html.split("<section class=\"case\"", -1).length - 1);
    }

    @Test
    void foldsPrintEachFoldAndTheSpreadOverFolds(QuarkusMainLauncher launcher) throws Exception {
        Path data = synth(launcher);
        LaunchResult result = launcher.launch("eval", "--data", data.toString(), "--baseline", "oracle",
                "--samples", "3", "--folds", "3", "--out", dir.resolve("folds").toString());
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        String out = result.getOutput();
        assertTrue(out.matches("(?s).*\\n1/3 +1 +[0-9.]+ .*\\n3/3 +1 +[0-9.]+ .*\\nover folds +[0-9.]+ ± [0-9.]+ .*"), out);

        LaunchResult tooMany = launcher.launch("eval", "--data", data.toString(), "--baseline", "oracle",
                "--folds", "4", "--out", dir.resolve("folds4").toString());
        assertEquals(2, tooMany.exitCode());
        assertTrue(tooMany.getErrorOutput().contains("k-fold figures need 2 <= k <= the 3 cases, got k = 4"),
                tooMany.getErrorOutput());
    }

    @Test
    void aMajorityVoteModelIsEvaluatedAsTheDeterministicBaselineAndCannotBeSampled(QuarkusMainLauncher launcher)
            throws Exception {
        Path data = synth(launcher);
        Path baseline = EvaluationFixtures.writeTinyBaseline(dir.resolve("baseline.flowseg"));
        LaunchResult result = launcher.launch("eval", "--data", data.toString(), "--model", baseline.toString(),
                "--samples", "3", "--out", dir.resolve("baseline").toString());
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getOutput().contains("deterministic majority-vote baseline, model baseline.flowseg, "
                + "one prediction repeated M=3"), result.getOutput());
        assertTrue(result.getOutput().contains("1 network evaluations/study"), result.getOutput());

        LaunchResult sample = launcher.launch("sample", "--model", baseline.toString(), "--steps", "1",
                "--out", dir.resolve("sample").toString());
        assertEquals(2, sample.exitCode());
        assertTrue(sample.getErrorOutput().contains("trained as a majority-vote baseline"), sample.getErrorOutput());
    }

    @Test
    void oracleBaselineOnSyntheticDataWithTheSkipConventionAndALimit(QuarkusMainLauncher launcher) throws Exception {
        Path data = synth(launcher);
        Path out = dir.resolve("oracle");
        LaunchResult result = launcher.launch("eval", "--data", data.toString(), "--baseline", "oracle",
                "--samples", "4", "--seed", "1", "--empty-pairs", "skip", "--limit", "2", "--out", out.toString());
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getOutput().contains("empty-empty=skipped (--empty-pairs skip); oracle (synthetic rater "
                + "process), M=4, seed 1; 0 network evaluations/study"), result.getOutput());
        List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).contains(",empty-empty=skipped,"), csv.get(1));
    }

    @Test
    void oracleWithoutSyntheticJsonIsBadInput(QuarkusMainLauncher launcher) throws Exception {
        Path data = synth(launcher);
        Files.delete(data.resolve("synthetic.json"));
        LaunchResult result = launcher.launch("eval", "--data", data.toString(), "--baseline", "oracle",
                "--out", dir.resolve("none").toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("flowseg eval: --baseline oracle needs synthetic data: " + data
                + " has no synthetic.json (./flowseg synth writes one)"), result.getErrorOutput());
        assertFalse(Files.exists(dir.resolve("none")));
    }

    @Test
    void unknownConventionIsBadInput(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("eval", "--data", dir.toString(), "--empty-pairs", "nan");
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("unknown empty-pair convention 'nan' (known: score-one, skip)"),
                result.getErrorOutput());
    }

    @Test
    void sweepPrintsAndWritesOneRowPerGridPointWithItsCost(QuarkusMainLauncher launcher) throws Exception {
        Path out = dir.resolve("sweep");
        LaunchResult result = evalTinyModel(launcher, out, "--sweep", "--sweep-solvers", "euler,heun",
                "--sweep-steps", "1,2", "--sweep-guidance", "0.5", "--sweep-presets", "paper");

        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(1 + 2 * 2 + 1, csv.size(), "the grid, then the preset");
        assertTrue(csv.get(5).startsWith("paper,midpoint,100,"), csv.get(5));
        // heun, 2 steps, w = 0.5: 2 samples x 2 steps x 2 stages x 2 rows
        assertTrue(result.getOutput().matches("(?s).*\\n- +heun +2 +0\\.5 +16 .*"), result.getOutput());
        assertTrue(result.getOutput().matches("(?s).*\\npaper +midpoint +100 +0\\.5 +800 .*"), result.getOutput());
        assertNotNull(ImageIO.read(out.resolve("sweep.png").toFile()));
    }
}
