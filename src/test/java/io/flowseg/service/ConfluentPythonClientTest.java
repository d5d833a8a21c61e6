package io.flowseg.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowseg.config.TopicNames;
import io.flowseg.embedded.EmbeddedRegistryConfig;
import io.flowseg.embedded.EmbeddedSchemaRegistry;
import io.flowseg.wire.RegistryClientConfig;
import io.flowseg.wire.RegistryEventCodec;
import io.flowseg.wire.SchemaRegistryClient;
import io.flowseg.wire.SubjectNameStrategy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Wire compatibility with an independent implementation: Confluent's own Python client (Debian's
 * python3-confluent-kafka and python3-avro, installed by .ci/run) produces ImageStudy events through
 * flowseg's registry, and consumes and decodes the service's results.
 */
class ConfluentPythonClientTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final int STUDIES = 3;

    @Test
    void pythonConfluentClientProducesStudiesAndDecodesResults() throws Exception {
        TopicNames topics = ServiceHarness.freshTopics();
        try (ServiceHarness harness = new ServiceHarness();
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                     EmbeddedRegistryConfig.of(harness.broker.bootstrapServers()));
             StudyService ignored = harness.start(harness.parts(topics, new RegistryEventCodec(
                     SchemaRegistryClient.create(RegistryClientConfig.of(registry.url())),
                     SubjectNameStrategy.TOPIC_NAME, true)), "python")) {
            Process python = new ProcessBuilder(PYTHON, "scripts/confluent_client.py", harness.broker.bootstrapServers(),
                    registry.url(), "schemas", topics.studies(), topics.segmentations(), topics.uncertainty(),
                    Integer.toString(STUDIES)).redirectErrorStream(true).start();
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(python.waitFor(3, TimeUnit.MINUTES), "python client timed out");
            assertEquals(0, python.exitValue(), "python client failed:\n" + output);

            List<JsonNode> lines = jsonLines(output);
            assertEquals(2 * STUDIES, lines.size(), output);
            for (JsonNode line : lines) {
                assertTrue(line.get("studyId").asText().startsWith("python-"));
                assertEquals(line.get("studyId").asText(), line.get("key").asText(), "keys are the study id");
                assertEquals(2, line.get("samples").asInt());
                int index = Integer.parseInt(line.get("studyId").asText().substring("python-".length()));
                assertEquals(1000 + index, line.get("seed").asLong(), "the request's own seed was used");
                if (line.get("topic").asText().equals(topics.segmentations())) {
                    assertEquals(40, line.get("maskWidth").asInt());
                    assertEquals(32, line.get("maskHeight").asInt());
                    assertEquals("PNG_BINARY", line.get("maskEncoding").asText());
                    assertTrue(line.get("pngSignature").asBoolean());
                } else {
                    assertTrue(line.get("meanVariance").isNumber());
                    assertTrue(line.get("foregroundAreaMm2").isNumber(), "pixel spacing was sent, so mm2 is set");
                }
            }
        }
    }

    private static List<JsonNode> jsonLines(String output) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("{")) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }
}
