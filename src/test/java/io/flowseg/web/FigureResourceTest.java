package io.flowseg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowseg.events.UncertaintyFigures;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** /api/figures names, in order, the fields of the figures that /api/cases sends, so the dashboard can read them by id. */
class FigureResourceTest {

    @Test
    void catalogueNamesTheCaseFiguresFieldsWithLabelsAndUnits() throws Exception {
        JsonNode catalogue = new ObjectMapper().valueToTree(new FigureResource().catalogue());

        List<String> ids = new ArrayList<>();
        catalogue.forEach(figure -> ids.add(figure.path("id").asText()));
        assertEquals(UncertaintyFigures.getClassSchema().getFields().stream().map(Schema.Field::name).toList(), ids);
        JsonNode area = catalogue.get(ids.indexOf("foregroundAreaMm2"));
        assertEquals("consensus area (physical)", area.path("label").asText());
        assertEquals("mm²", area.path("unit").asText());
        assertEquals("", catalogue.get(ids.indexOf("meanVariance")).path("unit").asText(), "a variance has no unit");
    }
}
