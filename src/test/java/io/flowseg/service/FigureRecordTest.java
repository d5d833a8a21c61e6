package io.flowseg.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.flowseg.events.UncertaintyFigures;
import io.flowseg.uncertainty.UncertaintyFigure;
import io.flowseg.uncertainty.UncertaintySummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** The figure catalogue is the Avro record's field list, and a summary survives the trip through it. */
class FigureRecordTest {
    private static final UncertaintySummary SUMMARY = new UncertaintySummary(15, 0.01, 0.25, 0.08, 0.24, 0.05,
            0.12, 300, 420, 37.8, 510, 0.31, 0.22);

    @Test
    void catalogueNamesTheRecordsFieldsInOrder() {
        List<String> fields = UncertaintyFigures.getClassSchema().getFields().stream().map(Schema.Field::name).toList();
        assertEquals(fields, Arrays.stream(UncertaintyFigure.values()).map(UncertaintyFigure::id).toList());
    }

    /** summary.json writes the summary record as it is, so its names are the catalogue's too. */
    @Test
    void summaryRecordHoldsTheFiguresInCatalogueOrder() {
        List<String> components = Arrays.stream(UncertaintySummary.class.getRecordComponents())
                .map(RecordComponent::getName).toList();
        assertEquals(components, Arrays.stream(UncertaintyFigure.values()).map(UncertaintyFigure::id).toList());
    }

    @Test
    void summaryRoundTripsThroughTheEncodedRecord() throws IOException {
        assertEquals(SUMMARY, decoded(ResultEvents.figures(SUMMARY)));
        UncertaintySummary noSpacing = new UncertaintySummary(4, 0.01, 0.25, 0.08, 0.24, 0.05, 0.12, 300, 420, null,
                510, 0.31, 0.22);
        UncertaintySummary back = decoded(ResultEvents.figures(noSpacing));
        assertEquals(noSpacing, back);
        assertNull(back.foregroundAreaMm2());
    }

    @Test
    void everyFigureHasARowForPeople() {
        assertEquals(UncertaintyFigure.values().length, SUMMARY.forPeople().size());
        assertEquals("37.8 mm²", SUMMARY.forPeople().get(UncertaintyFigure.FOREGROUND_AREA_MM2.label()));
        assertEquals("420 px", SUMMARY.forPeople().get(UncertaintyFigure.FOREGROUND_AREA_PIXELS.label()));
    }

    private static UncertaintySummary decoded(UncertaintyFigures record) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<>(UncertaintyFigures.class).write(record, encoder);
        encoder.flush();
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null);
        UncertaintyFigures read = new SpecificDatumReader<>(UncertaintyFigures.class).read(null, decoder);
        return UncertaintySummary.of(figure -> (Number) read.get(figure.id()));
    }
}
