package io.flowseg.web;

import io.flowseg.alerts.AlertPolicy;
import io.flowseg.alerts.AlertScope;
import io.flowseg.alerts.Comparator;
import io.flowseg.alerts.Severity;
import io.flowseg.uncertainty.UncertaintyFigure;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A policy as a client writes it (POST or PUT /api/policies): every field is checked, and a
 * request that fails names the field. Scope fields left out, null or "*" match every value.
 */
public record PolicyRequest(String id, Scope scope, String figure, String comparator, Double threshold,
                            String severity, Boolean enabled, String description) {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int MAX_SCOPE_LENGTH = 64;
    static final int MAX_DESCRIPTION_LENGTH = 500;

    /** Site, modality and body part; each may be absent. */
    public record Scope(String site, String modality, String bodyPart) {
    }

    /** A field that fails validation. */
    static final class InvalidPolicyException extends Exception {
        final String field;

        InvalidPolicyException(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    /** The policy this request describes, with the id from the path where there is one. */
    AlertPolicy toPolicy(String pathId) throws InvalidPolicyException {
        String policyId = pathId != null ? pathId : id;
        if (pathId != null && id != null && !id.equals(pathId)) {
            throw new InvalidPolicyException("id", "the body's id '" + id + "' differs from the path's '" + pathId + "'");
        }
        if (policyId == null || !ID.matcher(policyId).matches()) {
            throw new InvalidPolicyException("id", "id must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        Scope given = scope != null ? scope : new Scope(null, null, null);
        AlertScope policyScope = new AlertScope(scopeField("scope.site", given.site()),
                scopeField("scope.modality", given.modality()), scopeField("scope.bodyPart", given.bodyPart()));
        if (threshold == null || !Double.isFinite(threshold)) {
            throw new InvalidPolicyException("threshold", "threshold must be a finite number");
        }
        if (description == null || description.isBlank() || description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new InvalidPolicyException("description",
                    "description is required, at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        return new AlertPolicy(policyId, policyScope, parse("figure", figure, UncertaintyFigure::parse),
                parse("comparator", comparator, Comparator::parse),
                threshold, parse("severity", severity, text -> Severity.valueOf(text.toUpperCase(Locale.ROOT))),
                enabled == null || enabled, description.strip());
    }

    private static String scopeField(String field, String value) throws InvalidPolicyException {
        if (value != null && value.length() > MAX_SCOPE_LENGTH) {
            throw new InvalidPolicyException(field, field + " is longer than " + MAX_SCOPE_LENGTH + " characters");
        }
        return value;
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parse(String field, String text, Parser<T> parser) throws InvalidPolicyException {
        if (text == null || text.isBlank()) {
            throw new InvalidPolicyException(field, field + " is required");
        }
        try {
            return parser.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicyException(field, field.equals("severity")
                    ? "unknown severity '" + text + "'; one of INFO, WARNING, CRITICAL" : e.getMessage());
        }
    }
}
