package io.flowseg.web;

import io.flowseg.monitoring.AlertFilter;
import io.flowseg.monitoring.MonitoringCluster;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Recent alerts of every instance, newest first, optionally of one site, severity or policy. */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {
    static final int MAX_LIMIT = 1000;

    private final MonitoringCluster cluster;

    public AlertResource(MonitoringCluster cluster) {
        this.cluster = cluster;
    }

    @GET
    public Response recent(@QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("site") String site,
                           @QueryParam("severity") String severity, @QueryParam("policy") String policy) {
        return PartialAnswer.response(cluster.queries().recentAlerts(Math.max(1, Math.min(limit, MAX_LIMIT)),
                new AlertFilter(site, severity, policy, null)));
    }
}
