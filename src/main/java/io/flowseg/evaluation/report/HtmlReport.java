package io.flowseg.evaluation.report;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.evaluation.CaseResult;
import io.flowseg.evaluation.EvaluationResult;
import io.flowseg.evaluation.MetricSummary;
import io.flowseg.imaging.MapImages;
import io.flowseg.uncertainty.UncertaintyAnalyzer;
import io.flowseg.uncertainty.UncertaintyReport;
import io.flowseg.uncertainty.UncertaintySettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * report.html: one self-contained page, its PNG maps inlined as data URIs so it can be mailed or
 * archived alone. At the top the settings, the empty-pair convention, the cost and the aggregate
 * table; then one section per case: its image, each rater's mask, up to {@value #SAMPLES_SHOWN}
 * samples, the mean map, the variance heat map (on the fixed 0 to 0.25 scale of
 * {@code ./flowseg sample}), its metrics and its uncertainty figures at the case's size.
 */
public final class HtmlReport {
    /** Samples shown per case: enough to see the spread without bloating the page. */
    static final int SAMPLES_SHOWN = 8;

    private final UncertaintyAnalyzer analyzer;

    /** @param uncertainty the settings of each case's uncertainty figures */
    public HtmlReport(UncertaintySettings uncertainty) {
        this.analyzer = new UncertaintyAnalyzer(uncertainty);
    }

    public void write(Path file, EvaluationResult result) throws IOException {
        Files.writeString(file, render(result), StandardCharsets.UTF_8);
    }

    String render(EvaluationResult result) {
        StringBuilder html = HtmlParts.page("flowseg evaluation")
                .append("<h1>flowseg evaluation</h1>\n")
                .append("<p>Settings: ").append(HtmlParts.escape(result.settings())).append("</p>\n")
                .append("<p>Empty pairs: ").append(HtmlParts.escape(result.convention().label()))
                .append(" (<code>--empty-pairs ").append(result.convention().id()).append("</code>)</p>\n")
                .append(String.format(Locale.ROOT, "<p>%d cases; %.0f network evaluations and %.3f s of sampling per study</p>%n",
                        result.cases().size(), result.networkEvaluationsPerStudy(), result.secondsPerStudy()));
        html.append("<table class=\"aggregate\">\n<tr><th>metric</th><th>mean</th><th>std</th><th>n</th></tr>\n");
        for (MetricSummary s : result.aggregate().summaries().values()) {
            html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.4f</td><td>%.4f</td><td>%d/%d</td></tr>%n",
                    HtmlParts.escape(s.name()), s.mean(), s.std(), s.counted(), s.total()));
        }
        html.append("</table>\n");
        for (CaseResult c : result.cases()) {
            appendCase(html, c);
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private void appendCase(StringBuilder html, CaseResult c) {
        MultiRaterCase input = c.input();
        int w = input.image().width();
        int h = input.image().height();
        float[][] samples = c.samples().softSamples();
        UncertaintyReport maps = analyzer.analyse(samples, w, h);
        html.append("<section class=\"case\" id=\"case-").append(HtmlParts.escape(input.id())).append("\">\n<h2>")
                .append(HtmlParts.escape(input.id())).append("</h2>\n<div class=\"maps\">\n");
        appendFigure(html, "image", MapImages.imagePng(input.image()));
        for (int k = 0; k < input.raters(); k++) {
            appendFigure(html, "rater " + k, MapImages.maskPng(input.raterMasks().get(k), w, h));
        }
        for (int m = 0; m < Math.min(SAMPLES_SHOWN, samples.length); m++) {
            appendFigure(html, "sample " + m, MapImages.grayPng(samples[m], w, h));
        }
        appendFigure(html, "mean", MapImages.grayPng(maps.meanMap(), w, h));
        appendFigure(html, "variance", MapImages.heatMapPng(maps.varianceMap(), w, h, MapImages.MAX_VARIANCE));
        html.append("</div>\n<div class=\"tables\">\n");
        Map<String, String> metrics = new LinkedHashMap<>();
        c.metrics().scalars().forEach((name, value) -> metrics.put(name, HtmlParts.fourDecimals(value)));
        metrics.put("network evaluations", Long.toString(c.samples().networkEvaluations()));
        HtmlParts.table(html, "metrics", metrics);
        HtmlParts.table(html, "uncertainty", maps.summary().forPeople());
        html.append("</div>\n</section>\n");
    }

    private static void appendFigure(StringBuilder html, String caption, byte[] png) {
        HtmlParts.figure(html, caption, "image/png", png);
    }
}
