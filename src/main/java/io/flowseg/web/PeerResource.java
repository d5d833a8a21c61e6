package io.flowseg.web;

import io.flowseg.events.StatisticsWindow;
import io.flowseg.monitoring.AlertFilter;
import io.flowseg.monitoring.MonitoringCluster;
import io.flowseg.monitoring.PeerClient;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;

/**
 * What this instance answers the other instances ({@link PeerClient}): its own stores only, never
 * forwarded on, in {@link io.flowseg.monitoring.PeerAnswers}' byte form.
 */
@Path(PeerClient.BASE)
@Produces(MediaType.APPLICATION_OCTET_STREAM)
public class PeerResource {
    private final MonitoringCluster cluster;

    public PeerResource(MonitoringCluster cluster) {
        this.cluster = cluster;
    }

    @GET
    @Path(PeerClient.ALERTS)
    public byte[] alerts(@QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("site") String site,
                         @QueryParam("severity") String severity, @QueryParam("policy") String policy,
                         @QueryParam("study") String study) {
        return cluster.answers().writeAlerts(cluster.local().recentAlerts(Math.max(1, limit),
                new AlertFilter(site, severity, policy, study)));
    }

    @GET
    @Path(PeerClient.CASES)
    public byte[] cases(@QueryParam("limit") @DefaultValue("24") int limit) {
        return cluster.answers().writeCases(cluster.local().alertedCases(Math.max(1, limit)));
    }

    @GET
    @Path(PeerClient.WINDOWS)
    public byte[] windows(@QueryParam("window") StatisticsWindow window, @QueryParam("from") long from,
                          @QueryParam("to") long to) {
        return cluster.answers().writeWindows(cluster.local().windows(window, Instant.ofEpochMilli(from),
                Instant.ofEpochMilli(to)));
    }

    @GET
    @Path(PeerClient.ALERTED_MAPS + "/{studyId}")
    public Response alertedMap(@PathParam("studyId") String studyId) {
        return found(cluster.local().alertedMap(studyId).map(cluster.answers()::writeMap));
    }

    @GET
    @Path(PeerClient.SEGMENTATIONS + "/{studyId}")
    public Response segmentation(@PathParam("studyId") String studyId) {
        return found(cluster.local().segmentation(studyId).map(cluster.answers()::writeSegmentation));
    }

    private static Response found(Optional<byte[]> answer) {
        return answer.map(bytes -> Response.ok(bytes, MediaType.APPLICATION_OCTET_STREAM).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).build());
    }
}
