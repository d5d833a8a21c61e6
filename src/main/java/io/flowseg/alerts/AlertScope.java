package io.flowseg.alerts;

import java.util.Comparator;

/**
 * Which studies a policy watches: a site, modality and body part, any of which may be null, a
 * wildcard matching every value. Matching ignores case (codes arrive as CT, ct or Ct).
 */
public record AlertScope(String site, String modality, String bodyPart) {
    /** Every study. */
    public static final AlertScope ANY = new AlertScope(null, null, null);

    /**
     * Precedence between scopes that match the same study: more concrete fields first; among
     * scopes with as many, a concrete site beats a concrete modality, which beats a concrete body
     * part (a site's own rule outranks a modality-wide one).
     */
    public static final Comparator<AlertScope> MOST_SPECIFIC_FIRST = Comparator
            .comparingInt(AlertScope::concreteFields)
            .thenComparingInt(AlertScope::fieldWeight)
            .reversed();

    public AlertScope {
        site = wildcardAsNull(site);
        modality = wildcardAsNull(modality);
        bodyPart = wildcardAsNull(bodyPart);
    }

    /** Whether a study of this site, modality and body part is in scope. */
    public boolean matches(String studySite, String studyModality, String studyBodyPart) {
        return fieldMatches(site, studySite) && fieldMatches(modality, studyModality)
                && fieldMatches(bodyPart, studyBodyPart);
    }

    int concreteFields() {
        return (site != null ? 1 : 0) + (modality != null ? 1 : 0) + (bodyPart != null ? 1 : 0);
    }

    private int fieldWeight() {
        return (site != null ? 4 : 0) + (modality != null ? 2 : 0) + (bodyPart != null ? 1 : 0);
    }

    private static boolean fieldMatches(String wanted, String actual) {
        return wanted == null || wanted.equalsIgnoreCase(actual);
    }

    /** Null, blank and "*" all mean "any". */
    private static String wildcardAsNull(String value) {
        return value == null || value.isBlank() || value.strip().equals("*") ? null : value.strip();
    }
}
