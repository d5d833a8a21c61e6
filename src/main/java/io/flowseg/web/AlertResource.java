package io.flowseg.web;

import io.flowseg.events.UncertaintyAlert;
import io.flowseg.monitoring.MonitoringStreams;
import io.flowseg.monitoring.RecentAlert;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.Predicate;

/** Recent alerts, newest first, optionally of one site, severity or policy. */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {
    static final int MAX_LIMIT = 1000;

    private final MonitoringStreams streams;

    public AlertResource(MonitoringStreams streams) {
        this.streams = streams;
    }

    @GET
    public List<RecentAlert> recent(@QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("site") String site,
                                    @QueryParam("severity") String severity, @QueryParam("policy") String policy) {
        Predicate<UncertaintyAlert> filter = alert -> (site == null || site.equalsIgnoreCase(alert.getStudy().getSite()))
                && (severity == null || severity.equalsIgnoreCase(alert.getSeverity()))
                && (policy == null || policy.equals(alert.getPolicyId()));
        return streams.queries().recentAlerts(Math.max(1, Math.min(limit, MAX_LIMIT)), filter);
    }
}
