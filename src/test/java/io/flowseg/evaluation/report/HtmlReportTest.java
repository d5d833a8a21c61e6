package io.flowseg.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.evaluation.EvaluationResult;
import io.flowseg.uncertainty.UncertaintyFigure;
import io.flowseg.uncertainty.UncertaintySettings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    private static final Pattern DATA_URI = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    @TempDir
    Path dir;

    @Test
    void oneSectionPerCaseWithItsMapsInlinedAndTheSettingsAndConventionOnTop() throws Exception {
        EvaluationResult result = ReportFixtures.oracleEvaluation(10);
        Path file = dir.resolve("report.html");
        new HtmlReport(UncertaintySettings.defaults()).write(file, result);
        String html = Files.readString(file);

        String[] sections = html.split("<section class=\"case\"");
        assertEquals(1 + result.cases().size(), sections.length);
        String head = sections[0];
        assertTrue(head.contains("empty-empty=skipped"), "convention");
        assertTrue(head.contains("--empty-pairs skip"));
        assertTrue(head.contains("oracle (synthetic rater process), M=10, seed 3"), "settings");
        assertTrue(head.contains("<td>GED</td>"), "aggregate table");
        for (int i = 1; i < sections.length; i++) {
            String section = sections[i];
            assertTrue(section.startsWith(" id=\"case-" + result.cases().get(i - 1).input().id() + "\""));
            // image + 2 raters + 8 of the 10 samples + mean + variance
            Matcher images = DATA_URI.matcher(section);
            int count = 0;
            while (images.find()) {
                BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.group(1))));
                assertNotNull(decoded);
                assertEquals(32, decoded.getWidth());
                count++;
            }
            assertEquals(1 + 2 + HtmlReport.SAMPLES_SHOWN + 2, count);
            assertTrue(section.contains("<td>HM-IoU</td>") && section.contains("<td>" + UncertaintyFigure.SAMPLE_DIVERSITY.label() + "</td>"));
        }
    }
}
