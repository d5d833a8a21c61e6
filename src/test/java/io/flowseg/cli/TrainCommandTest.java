package io.flowseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.training.TrainingRun;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs `flowseg train` as a user would: a few steps of the small preset at 16 px, then a resume. */
@QuarkusMainTest
class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsLogsCheckpointsAndResumes(QuarkusMainLauncher launcher) throws Exception {
        Path out = dir.resolve("run");
        LaunchResult first = launcher.launch("train", "--synthetic", "8", "--synthetic-size", "32", "--resolution", "16",
                "--steps", "3", "--batch", "2", "--log-every", "1", "--validate-every", "2", "--checkpoint-every", "2",
                "--validation-cases", "2", "--validation-samples", "2", "--validation-steps", "1",
                "--out", out.toString());
        assertEquals(0, first.exitCode(), first.getErrorOutput());
        assertTrue(first.getOutput().contains("flow-matching, small preset at 16 px"), first.getOutput());
        assertTrue(first.getOutput().contains("6 training cases, 2 held out"), first.getOutput());
        assertTrue(first.getErrorOutput().contains("3/3 steps"), first.getErrorOutput());
        assertTrue(Files.isRegularFile(out.resolve(TrainingRun.MODEL)));

        LaunchResult resumed = launcher.launch("train", "--synthetic", "8", "--synthetic-size", "32",
                "--resume", out.resolve(TrainingRun.CHECKPOINT).toString(), "--steps", "4", "--validation-cases", "2", "--out", out.toString());
        assertEquals(0, resumed.exitCode(), resumed.getErrorOutput());
        List<String> log = Files.readAllLines(out.resolve(TrainingRun.LOG));
        assertEquals(List.of("1", "2", "3", "4"), log.subList(1, log.size()).stream().map(r -> r.split(",")[0]).toList());
        assertTrue(log.get(1).split(",")[5].isEmpty(), "no validation GED at step 1: " + log.get(1));
        assertTrue(!log.get(2).split(",")[5].isEmpty(), "validation GED at step 2: " + log.get(2));

        LaunchResult sample = launcher.launch("sample", "--model", out.resolve(TrainingRun.MODEL).toString(),
                "--samples", "2", "--steps", "1", "--out", dir.resolve("sample").toString());
        assertEquals(0, sample.exitCode(), sample.getErrorOutput());
    }

    @Test
    void helpListsTheOptions(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("train", "--help");
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getOutput().contains("--resume"), result.getOutput());
    }

    @Test
    void anUnknownObjectiveIsBadInput(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("train", "--synthetic", "4", "--synthetic-size", "32", "--resolution", "16",
                "--objective", "guesswork", "--validation-cases", "1", "--out", dir.resolve("bad").toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("unknown objective 'guesswork'"), result.getErrorOutput());
    }

    @Test
    void nothingToTrainOnIsBadInput(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("train", "--steps", "1", "--out", dir.resolve("none").toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("nothing to train on"), result.getErrorOutput());
    }
}
