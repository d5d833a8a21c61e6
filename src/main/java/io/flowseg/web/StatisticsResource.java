package io.flowseg.web;

import io.flowseg.events.StatisticsWindow;
import io.flowseg.events.UncertaintyStatistics;
import io.flowseg.monitoring.ClusterAnswer;
import io.flowseg.monitoring.MonitoringCluster;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Windowed statistics per site and modality, from the window stores of every instance. */
@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {
    static final int MAX_HOURS = 24 * 90;

    private final MonitoringCluster cluster;

    public StatisticsResource(MonitoringCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * @param window hourly or daily
     * @param hours  how far back from now windows may start (default 24)
     */
    @GET
    public Response statistics(@QueryParam("window") @DefaultValue("hourly") String window,
                               @QueryParam("hours") @DefaultValue("24") int hours, @QueryParam("site") String site,
                               @QueryParam("modality") String modality) {
        StatisticsWindow kind;
        try {
            kind = StatisticsWindow.valueOf(window.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "window must be hourly or daily", "window");
        }
        if (hours < 1 || hours > MAX_HOURS) {
            return ApiError.response(Response.Status.BAD_REQUEST, "hours must be 1 to " + MAX_HOURS, "hours");
        }
        return PartialAnswer.response(query(kind, hours, site, modality));
    }

    /** The rows of the last {@code hours}, of one site and modality where given. */
    ClusterAnswer<List<UncertaintyStatistics>> query(StatisticsWindow window, int hours, String site,
                                                     String modality) {
        Instant now = Instant.now();
        return cluster.queries().statistics(window, now.minus(Duration.ofHours(hours)), now)
                .map(rows -> rows.stream()
                        .filter(row -> site == null || site.equalsIgnoreCase(row.getSite()))
                        .filter(row -> modality == null || modality.equalsIgnoreCase(row.getModality()))
                        .toList());
    }
}
