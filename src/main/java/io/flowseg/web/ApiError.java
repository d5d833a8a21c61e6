package io.flowseg.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The API's error body: what is wrong and, for a rejected request, the field at fault.
 *
 * @param error what went wrong, for a person
 * @param field the request field at fault, or null
 */
public record ApiError(String error, String field) {

    static Response response(Response.Status status, String error, String field) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(error, field)).build();
    }

    /** 503: what cannot be read now may be readable in a moment (a rebalance, a restarting instance). */
    static Response retryLater(String error) {
        return Response.fromResponse(response(Response.Status.SERVICE_UNAVAILABLE, error, null))
                .header("Retry-After", "2").build();
    }
}
