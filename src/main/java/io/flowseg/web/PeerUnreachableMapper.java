package io.flowseg.web;

import io.flowseg.monitoring.PeerUnreachableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The instance holding a study's partition did not answer: 503, the study cannot be read from here now. */
@Provider
public class PeerUnreachableMapper implements ExceptionMapper<PeerUnreachableException> {

    @Override
    public Response toResponse(PeerUnreachableException exception) {
        return ApiError.retryLater("the study is held by another instance: " + exception.getMessage());
    }
}
