package io.flowseg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flowseg.alerts.AlertPolicy;
import io.flowseg.alerts.Comparator;
import io.flowseg.alerts.Severity;
import io.flowseg.uncertainty.UncertaintyFigure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyRequestTest {

    private static PolicyRequest request(String id, String figure, String comparator, Double threshold, String severity,
                                         String description) {
        return new PolicyRequest(id, new PolicyRequest.Scope("site-a", "*", null), figure, comparator, threshold,
                severity, null, description);
    }

    @Test
    void aValidRequestBecomesAPolicyWithWildcardsAndEnabledByDefault() throws Exception {
        AlertPolicy policy = request("p-1", "p95Variance", ">=", 0.1, "critical", " look again ").toPolicy(null);

        assertEquals("p-1", policy.id());
        assertEquals(UncertaintyFigure.P95_VARIANCE, policy.figure());
        assertEquals(Comparator.GE, policy.comparator());
        assertEquals(Severity.CRITICAL, policy.severity());
        assertEquals("site-a", policy.scope().site());
        assertNull(policy.scope().modality(), "* is a wildcard");
        assertNull(policy.scope().bodyPart());
        assertEquals("look again", policy.description());
        assertEquals(true, policy.enabled());
        assertFalse(new PolicyRequest("q", null, "meanVariance", "GT", 0.2, "INFO", false, "off").toPolicy(null)
                .enabled());
    }

    @ParameterizedTest(name = "{6}")
    @CsvSource(nullValues = "null", value = {
            "bad id, meanVariance, GT, 0.1, INFO, text, id",
            "p, loudness, GT, 0.1, INFO, text, figure",
            "p, meanVariance, ==, 0.1, INFO, text, comparator",
            "p, meanVariance, GT, null, INFO, text, threshold",
            "p, meanVariance, GT, NaN, INFO, text, threshold",
            "p, meanVariance, GT, 0.1, URGENT, text, severity",
            "p, meanVariance, GT, 0.1, INFO, null, description"})
    void anInvalidFieldIsNamed(String id, String figure, String comparator, Double threshold, String severity,
                               String description, String field) {
        PolicyRequest.InvalidPolicyException error = assertThrows(PolicyRequest.InvalidPolicyException.class,
                () -> request(id, figure, comparator, threshold, severity, description).toPolicy(null));
        assertEquals(field, error.field, error.getMessage());
    }

    @Test
    void thePathIdRulesAndABodyIdThatDiffersIsRejected() throws Exception {
        assertEquals("from-path", request(null, "meanVariance", "GT", 0.1, "INFO", "d").toPolicy("from-path").id());
        PolicyRequest.InvalidPolicyException error = assertThrows(PolicyRequest.InvalidPolicyException.class,
                () -> request("other", "meanVariance", "GT", 0.1, "INFO", "d").toPolicy("from-path"));
        assertEquals("id", error.field);
        String tooLong = "x".repeat(65);
        assertEquals("scope.site", assertThrows(PolicyRequest.InvalidPolicyException.class,
                () -> new PolicyRequest("p", new PolicyRequest.Scope(tooLong, null, null), "meanVariance", "GT", 0.1,
                        "INFO", null, "d").toPolicy(null)).field);
    }
}
