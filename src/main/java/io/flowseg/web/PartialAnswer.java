package io.flowseg.web;

import io.flowseg.monitoring.ClusterAnswer;
import jakarta.ws.rs.core.Response;

/**
 * A cluster-wide answer as a response: the merged value, and where an instance did not answer,
 * the header {@value #HEADER} saying which and why (the body keeps its shape either way).
 */
final class PartialAnswer {
    static final String HEADER = "Flowseg-Partial";

    private PartialAnswer() {
    }

    static Response response(ClusterAnswer<?> answer) {
        Response.ResponseBuilder response = Response.ok(answer.value());
        if (answer.partial()) {
            // A header value is one line of text.
            response.header(HEADER, String.join("; ", answer.unanswered()).replaceAll("[\\r\\n]+", " "));
        }
        return response.build();
    }
}
