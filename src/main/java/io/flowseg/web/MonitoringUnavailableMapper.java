package io.flowseg.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/** While the monitoring topology starts or rebalances its stores cannot be read: 503, try again. */
@Provider
public class MonitoringUnavailableMapper implements ExceptionMapper<InvalidStateStoreException> {

    @Override
    public Response toResponse(InvalidStateStoreException exception) {
        return ApiError.retryLater("the monitoring topology is not ready yet: " + exception.getMessage());
    }
}
