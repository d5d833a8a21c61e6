package io.flowseg.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a duration as people write it (90m, 2h, 1h30m, 45s) or in ISO-8601 (PT2H). */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.startsWith("pt")) {
            try {
                return Duration.parse(text);
            } catch (RuntimeException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 duration");
            }
        }
        Matcher matcher = SHORT.matcher(text);
        if (text.isEmpty() || !matcher.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration: write e.g. 90m, 2h, 1h30m, 45s or PT2H");
        }
        return Duration.ofHours(part(matcher, 1)).plusMinutes(part(matcher, 2)).plusSeconds(part(matcher, 3));
    }

    private static long part(Matcher matcher, int group) {
        return matcher.group(group) == null ? 0 : Long.parseLong(matcher.group(group));
    }
}
