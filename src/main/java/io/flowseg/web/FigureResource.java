package io.flowseg.web;

import io.flowseg.uncertainty.UncertaintyFigure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

/**
 * The summary figures' catalogue, in order, so the dashboard (and any other client) labels the
 * figures of /api/cases from {@link UncertaintyFigure} instead of keeping its own list.
 */
@Path("/api/figures")
@Produces(MediaType.APPLICATION_JSON)
public class FigureResource {

    /** One figure: its field name in {@code figures}, a label for people and its unit's symbol ("" for none). */
    public record FigureView(String id, String label, String unit) {
        static FigureView of(UncertaintyFigure figure) {
            return new FigureView(figure.id(), figure.label(), figure.unit().symbol());
        }
    }

    @GET
    public List<FigureView> catalogue() {
        return Arrays.stream(UncertaintyFigure.values()).map(FigureView::of).toList();
    }
}
