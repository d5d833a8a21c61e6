package io.flowseg.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.events.ImageStudy;
import io.flowseg.wire.TestEvents;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {

    private static final Schema A = record("{\"name\":\"a\",\"type\":\"int\"}");
    private static final Schema A_AND_OPTIONAL_B = record("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}");
    private static final Schema REQUIRED_B = record("{\"name\":\"b\",\"type\":\"int\"}");

    @Test
    void backwardChecksTheLatestVersionAndTransitiveEveryVersion() {
        List<Schema> versions = List.of(A, A_AND_OPTIONAL_B);

        assertTrue(CompatibilityLevel.BACKWARD.incompatibility(REQUIRED_B, versions).isEmpty(), "b is in the latest version");
        Optional<String> problem = CompatibilityLevel.BACKWARD_TRANSITIVE.incompatibility(REQUIRED_B, versions);
        assertTrue(problem.isPresent(), "A's data has no b");
        assertTrue(problem.get().contains("READER_FIELD_MISSING_DEFAULT_VALUE"), problem.get());
    }

    @Test
    void theShippedImageStudyReadsEveryEarlierVersionsData() {
        List<Schema> versions = List.of(TestEvents.imageStudyV1(), TestEvents.imageStudyV3());

        assertEquals(Optional.empty(),
                CompatibilityLevel.BACKWARD_TRANSITIVE.incompatibility(ImageStudy.getClassSchema(), versions));
    }

    @Test
    void forwardLetsTheOlderSchemaReadTheNewOnesData() {
        assertTrue(CompatibilityLevel.FORWARD.incompatibility(A_AND_OPTIONAL_B, List.of(A)).isEmpty());
        assertTrue(CompatibilityLevel.FORWARD.incompatibility(REQUIRED_B, List.of(A_AND_OPTIONAL_B)).isPresent(),
                "the latest version needs an a, which the new data lacks");
    }

    @Test
    void fullNeedsBothDirectionsAndNoneNeither() {
        assertTrue(CompatibilityLevel.FULL.incompatibility(A_AND_OPTIONAL_B, List.of(A)).isEmpty());
        assertTrue(CompatibilityLevel.FULL.incompatibility(REQUIRED_B, List.of(A_AND_OPTIONAL_B)).isPresent());
        assertTrue(CompatibilityLevel.NONE.incompatibility(REQUIRED_B, List.of(A)).isEmpty());
    }

    @Test
    void parsesNamesInAnyCase() {
        assertEquals(Optional.of(CompatibilityLevel.FULL_TRANSITIVE), CompatibilityLevel.parse("full_transitive"));
        assertFalse(CompatibilityLevel.parse("SOMETIMES").isPresent());
    }

    private static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
    }
}
