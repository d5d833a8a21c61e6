package io.flowseg.web;

import io.flowseg.events.EncodedMap;
import io.flowseg.events.SegmentationResult;
import io.flowseg.events.UncertaintyMap;
import io.flowseg.monitoring.ClusterQueries;
import io.flowseg.monitoring.MonitoringCluster;
import io.flowseg.wire.AvroBytes;
import io.flowseg.wire.EncodedMaps;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Function;

/**
 * The latest high-uncertainty cases (studies that raised an alert) and their pictures: the image
 * preview, the consensus mask over it, and the variance heat map on the fixed 0 to 0.25 scale, of
 * every instance: a study is read from the instance holding it.
 */
@Path("/api/cases")
public class CaseResource {
    static final String PNG = "image/png";
    static final int MAX_LIMIT = 100;

    private final MonitoringCluster cluster;

    public CaseResource(MonitoringCluster cluster) {
        this.cluster = cluster;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response latest(@QueryParam("limit") @DefaultValue("24") int limit) {
        return PartialAnswer.response(queries().alertedCases(Math.max(1, Math.min(limit, MAX_LIMIT)))
                .map(cases -> cases.stream().map(CaseView::of).toList()));
    }

    @GET
    @Path("{studyId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response one(@PathParam("studyId") String studyId) {
        return queries().alertedCase(studyId).map(found -> Response.ok(CaseView.of(found)).build())
                .orElseGet(() -> notKept(studyId));
    }

    @GET
    @Path("{studyId}/image.png")
    @Produces(PNG)
    public Response image(@PathParam("studyId") String studyId) {
        return picture(studyId, map -> preview(studyId).map(preview -> AvroBytes.copy(preview.getData())));
    }

    @GET
    @Path("{studyId}/overlay.png")
    @Produces(PNG)
    public Response overlay(@PathParam("studyId") String studyId) {
        return picture(studyId, map -> queries().segmentation(studyId).filter(s -> s.getImagePreview() != null)
                .map(s -> EncodedMaps.overlayPng(s.getImagePreview(), s.getConsensusMask())));
    }

    @GET
    @Path("{studyId}/variance.png")
    @Produces(PNG)
    public Response variance(@PathParam("studyId") String studyId) {
        return picture(studyId, map -> Optional.of(EncodedMaps.heatMapPng(map.getVariance())));
    }

    /** The preview needs the segmentation, which may arrive a moment after the alert (404 until then). */
    private Optional<EncodedMap> preview(String studyId) {
        return queries().segmentation(studyId).map(SegmentationResult::getImagePreview);
    }

    /** Pictures need only the stores of the study itself, not a scan of the recent alerts. */
    private Response picture(String studyId, Function<UncertaintyMap, Optional<byte[]>> draw) {
        Optional<UncertaintyMap> found = queries().alertedMap(studyId);
        if (found.isEmpty()) {
            return notKept(studyId);
        }
        return draw.apply(found.get())
                .map(png -> Response.ok(png, PNG).header("Cache-Control", "max-age=3600").build())
                .orElseGet(() -> ApiError.response(Response.Status.NOT_FOUND,
                        "no image of " + studyId + " yet (segmentation not in, or previews off)", null));
    }

    private ClusterQueries queries() {
        return cluster.queries();
    }

    private static Response notKept(String studyId) {
        return ApiError.response(Response.Status.NOT_FOUND, "no recent alerted case " + studyId, null);
    }
}
