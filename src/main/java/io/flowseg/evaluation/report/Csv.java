package io.flowseg.evaluation.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as RFC 4180 writes it: a header line, then rows; cells holding a comma, quote or line break are
 * quoted. Numbers carry six significant digits in a locale-independent form, NaN as {@code NaN}.
 */
final class Csv {
    /** Column of the empty-pair convention, on every row of every CSV file. */
    static final String EMPTY_PAIRS = "empty_pairs";

    private Csv() {
    }

    static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        StringBuilder text = new StringBuilder(line(header));
        rows.forEach(row -> text.append(line(row)));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String line(List<String> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\n";
    }

    private static String cell(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
