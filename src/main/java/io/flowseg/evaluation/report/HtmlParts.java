package io.flowseg.evaluation.report;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** Pieces of flowseg's self-contained HTML reports: the page head, inline images, two-column tables. */
public final class HtmlParts {
    /** Maps side by side, small tables beside each other, one section per case or study. */
    public static final String STYLE = """
            body { font-family: sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin: 0.5em 0; }
            th, td { border: 1px solid #ccc; padding: 2px 8px; text-align: right; }
            th:first-child, td:first-child { text-align: left; }
            .maps { display: flex; flex-wrap: wrap; gap: 6px; }
            figure { margin: 0; text-align: center; font-size: small; }
            img { width: 128px; height: auto; image-rendering: pixelated; }
            .tables { display: flex; gap: 2em; align-items: flex-start; }
            section { border-top: 1px solid #888; margin-top: 1.5em; }
            """;

    private HtmlParts() {
    }

    /** Doctype, head with title and {@link #STYLE}, and the opening body tag. */
    public static StringBuilder page(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
    }

    /** A captioned image inlined as a data URL. */
    public static void figure(StringBuilder html, String caption, String mediaType, byte[] image) {
        html.append("<figure><img src=\"data:").append(mediaType).append(";base64,")
                .append(Base64.getEncoder().encodeToString(image)).append("\" alt=\"").append(escape(caption))
                .append("\"><figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
    }

    /** A two-column table of names and already formatted values. */
    public static void table(StringBuilder html, String caption, Map<String, String> rows) {
        html.append("<table class=\"").append(escape(caption)).append("\">\n<tr><th colspan=\"2\">")
                .append(escape(caption)).append("</th></tr>\n");
        rows.forEach((name, value) -> html.append("<tr><td>").append(escape(name)).append("</td><td>")
                .append(escape(value)).append("</td></tr>\n"));
        html.append("</table>\n");
    }

    /** A figure as the reports print it: four decimals, whatever the locale. */
    public static String fourDecimals(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
