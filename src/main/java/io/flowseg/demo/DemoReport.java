package io.flowseg.demo;

import io.flowseg.evaluation.report.HtmlParts;
import io.flowseg.events.PixelEncoding;
import io.flowseg.events.StudyImage;
import io.flowseg.events.UncertaintyFigures;
import io.flowseg.imaging.ImageLimits;
import io.flowseg.imaging.MapImages;
import io.flowseg.imaging.RawImageDecoder;
import io.flowseg.uncertainty.UncertaintySummary;
import io.flowseg.wire.AvroBytes;
import io.flowseg.wire.EncodedMaps;
import io.flowseg.wire.SampleTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's report.html: per study, the image as sent, the consensus mask and mean probability
 * as they came back, the variance as a heat map on the fixed 0 to 0.25 scale, and the figures.
 */
final class DemoReport {

    private DemoReport() {
    }

    static void write(Path file, Collection<StudyOutcome> outcomes, String settings) throws IOException {
        StringBuilder html = HtmlParts.page("flowseg demo")
                .append("<h1>flowseg demo</h1>\n<p>").append(HtmlParts.escape(settings)).append("</p>\n");
        for (StudyOutcome outcome : outcomes) {
            appendStudy(html, outcome);
        }
        Files.writeString(file, html.append("</body>\n</html>\n").toString(), StandardCharsets.UTF_8);
    }

    private static void appendStudy(StringBuilder html, StudyOutcome outcome) {
        String study = outcome.sent.getStudyId();
        html.append("<section class=\"study\" id=\"").append(HtmlParts.escape(study)).append("\">\n<h2>")
                .append(HtmlParts.escape(study)).append("</h2>\n");
        if (!outcome.answered()) {
            html.append("<p>no result arrived</p>\n</section>\n");
            return;
        }
        if (outcome.rejected != null) {
            html.append("<p>rejected: ").append(HtmlParts.escape(outcome.rejected.getReasonCode())).append(" - ")
                    .append(HtmlParts.escape(outcome.rejected.getMessage())).append("</p>\n</section>\n");
            return;
        }
        html.append("<div class=\"maps\">\n");
        HtmlParts.figure(html, "image", "image/png", imagePng(outcome.sent.getImage()));
        HtmlParts.figure(html, "consensus", "image/png", AvroBytes.copy(outcome.segmentation.getConsensusMask().getData()));
        HtmlParts.figure(html, "mean", "image/png", AvroBytes.copy(outcome.segmentation.getMeanProbability().getData()));
        HtmlParts.figure(html, "variance", "image/png", EncodedMaps.heatMapPng(outcome.uncertainty.getVariance()));
        html.append("</div>\n<div class=\"tables\">\n");
        HtmlParts.table(html, "uncertainty", summary(outcome.uncertainty.getSummary()).forPeople());
        Map<String, String> run = new LinkedHashMap<>();
        var used = outcome.uncertainty.getSettings();
        run.put("M, w", used.getSamples() + ", " + used.getGuidance());
        run.put("steps, solver", used.getSteps() + ", " + used.getSolver());
        run.put("seed", Long.toString(used.getSeed()));
        run.put("model", used.getModelName() + " " + used.getModelVersion());
        run.put("end to end", outcome.uncertainty.getTimings().getEndToEndMs() + " ms");
        run.put("alerts", outcome.alerts.isEmpty() ? "none" : outcome.alerts.stream()
                .map(a -> a.getSeverity() + ": " + a.getDescription()).collect(java.util.stream.Collectors.joining("; ")));
        HtmlParts.table(html, "request", run);
        html.append("</div>\n</section>\n");
    }

    private static UncertaintySummary summary(UncertaintyFigures figures) {
        return UncertaintySummary.of(figure -> (Number) figures.get(figure.id()));
    }

    /** The image as sent: JPEG and PNG files as they are, raw pixels normalised to 8-bit greyscale. */
    private static byte[] imagePng(StudyImage image) {
        byte[] pixels = AvroBytes.copy(image.getPixels());
        if (image.getEncoding() != PixelEncoding.RAW_LE) {
            return MapImages.png(EncodedMaps.read(pixels));
        }
        return MapImages.imagePng(new RawImageDecoder(ImageLimits.DEFAULT).decode(pixels, image.getWidth(),
                image.getHeight(), image.getChannels(), SampleTypes.of(image.getPixelType())));
    }


}
