package io.flowseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.service.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main command, from the packaged jar: every study answered, a row each, and a report. */
class DemoCommandIT {

    @Test
    void demoStreamsEveryStudyThroughTheServiceAndWritesItsReport(@TempDir Path out) throws Exception {
        Path log = out.resolve("demo.log");
        ServiceProcess demo = ServiceProcess.start(Map.of("quarkus.http.port", "0"), log,
                List.of("demo", "--synthetic", "2", "--steps", "2", "--out", out.toString()));
        assertEquals(0, demo.await(10), () -> "demo failed:\n" + read(log));

        String output = read(log);
        assertTrue(output.contains("11 studies sent, 11 processed, 0 rejected"), output);
        for (String study : List.of("lidc-case-12", "lidc-case-70", "synthetic-synth-00000", "synthetic-synth-00001")) {
            assertTrue(Pattern.compile("(?m)^" + study + " +\\d+ +[0-9.]+ +2 ").matcher(output).find(),
                    "a table row for " + study + ":\n" + output);
        }
        String report = Files.readString(out.resolve("report.html"));
        Matcher sections = Pattern.compile("<section class=\"study\"").matcher(report);
        int count = 0;
        while (sections.find()) {
            count++;
        }
        assertEquals(11, count, "one report section per study");
        assertTrue(report.contains("data:image/png;base64,"), "maps inlined in the report");
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
