package io.flowseg.service;

import static io.flowseg.service.HttpPolling.awaitJson;
import static io.flowseg.service.HttpPolling.awaitText;
import static io.flowseg.service.HttpPolling.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowseg.config.FlowsegConfig;
import io.flowseg.deployment.RenderedManifests.Overlay;
import io.flowseg.deployment.RenderedManifests;
import io.flowseg.embedded.EmbeddedRegistryConfig;
import io.flowseg.embedded.EmbeddedSchemaRegistry;
import io.flowseg.events.ImageStudy;
import io.flowseg.wire.AvroEventEncoder;
import io.flowseg.wire.RegistryClientConfig;
import io.flowseg.wire.SchemaRegistryClient;
import io.flowseg.wire.SubjectNameStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code flowseg serve} as operators see it: health checks and Prometheus metrics on its HTTP
 * port, readiness lost when the broker goes away, and logs (JSON, as deployed) and metrics free of
 * patient references and study, series and instance ids, of processed and rejected studies alike.
 */
class ServeOperationsIT {
    private static final int PROCESSED = 3;
    @Test
    void reportsHealthAndMetricsAndLosesReadinessWithTheBroker() throws Exception {
        Path log = Files.createTempFile("flowseg-serve-", ".log");
        int port = freePort();
        ServiceHarness harness = new ServiceHarness();
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                EmbeddedRegistryConfig.of(harness.broker.bootstrapServers()));
        // A container-sized heap: smaller than the 2 GB the poison event claims.
        try (ServiceProcess serve = ServiceProcess.start(List.of("-Xmx512m"), Map.of(
                     "kafka.bootstrap.servers", harness.broker.bootstrapServers(),
                     "flowseg.registry.url", registry.url(),
                     "flowseg.processor.transactional-id", "operations-it",
                     "flowseg.engine.max-batch", "auto",
                     "quarkus.log.console.json.enabled", "true",
                     "quarkus.http.port", Integer.toString(port)), log, List.of("serve"))) {
            List<ImageStudy> studies = identifiableStudies();
            publish(harness, registry, studies);
            String base = "http://127.0.0.1:" + port;

            JsonNode ready = awaitJson(base + "/q/health/ready", body -> body.path("status").asText().equals("UP"));
            assertEquals("UP", ready.path("status").asText(), ready.toString());
            assertEquals("UP", awaitJson(base + "/q/health/live", body -> true).path("status").asText());
            JsonNode started = awaitJson(base + "/q/health/started", body -> true);
            assertEquals("flowseg-model", started.at("/checks/0/name").asText(), "the start-up check waits for the model");
            // The Kubernetes probes ask exactly these paths (k8s/, rendered by kustomize).
            for (Overlay overlay : Overlay.values()) {
                for (String path : RenderedManifests.probePaths(overlay).all()) {
                    assertEquals(200, HttpPolling.status(base + path), overlay + " probe " + path);
                }
            }
            String rejected = "flowseg_studies_rejected_total{reason=\"INVALID_DIMENSIONS\"} 1.0";
            String poisoned = "flowseg_studies_rejected_total{reason=\"UNDECODABLE_EVENT\"} 1.0";
            String metrics = awaitText(base + "/q/metrics", body -> body.contains("flowseg_studies_processed_total 3.0")
                    && body.contains(rejected) && body.contains(poisoned));
            assertTrue(metrics.contains("flowseg_studies_processed_total 3.0"), "processed count in /q/metrics");
            assertTrue(metrics.contains(rejected), "rejected count in /q/metrics");
            assertTrue(metrics.contains(poisoned), "the event claiming 2 GB is dead-lettered, not an OutOfMemoryError");
            for (String histogram : List.of("flowseg_study_queued_seconds_bucket", "flowseg_study_sampling_seconds_bucket",
                    "flowseg_study_end_to_end_seconds_bucket", "flowseg_batch_studies")) {
                assertTrue(metrics.contains(histogram), histogram + " in /q/metrics");
            }
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith("flowseg_study_end_to_end_seconds_count{")
                    && line.contains("priority=\"ROUTINE\"") && line.endsWith(" 3.0")), "latency per priority: " + metrics);
            // The monitoring topology counted them, in the day they were acquired (StudyEvents: two days back).
            JsonNode days = awaitJson(base + "/api/stats?window=daily&hours=96",
                    body -> body.size() == 1 && body.get(0).path("studies").asInt() == 3);
            assertEquals("site-a", days.get(0).path("site").asText(), days.toString());
            assertEquals(StudyEvents.ACQUIRED.truncatedTo(java.time.temporal.ChronoUnit.DAYS).toString(),
                    days.get(0).path("windowStart").asText(), days.toString());

            registry.close();
            harness.broker.close();
            JsonNode down = awaitJson(base + "/q/health/ready", body -> body.path("status").asText().equals("DOWN"));
            assertEquals("DOWN", down.path("status").asText(), "not ready without a broker: " + down);
            assertTrue(serve.alive(), "losing the broker makes serve unready, not dead");

            String output = Files.readString(log);
            assertTrue(output.lines().anyMatch(line -> line.startsWith("{\"timestamp\"")), "JSON log lines");
            assertTrue(Pattern.compile("flowseg.engine.max-batch=auto: \\d+ rows per forward pass, measured in").matcher(output).find(),
                    "the engine measured its row budget on the served model");
            for (ImageStudy study : studies) {
                for (String identifier : List.of(study.getPatientRef(), study.getStudyId(), study.getSeriesId(),
                        study.getInstanceId())) {
                    assertFalse(output.contains(identifier), "logged: " + identifier);
                    assertFalse(metrics.contains(identifier), "in a metric: " + identifier);
                }
            }
        } finally {
            registry.close();
            harness.close();
            Files.deleteIfExists(log);
        }
    }

    /**
     * Studies whose ids look like DICOM UIDs and whose patient reference looks like a record number
     * and a name; the last one is rejected (no width), so the dead-letter path is covered too.
     */
    private static List<ImageStudy> identifiableStudies() {
        List<ImageStudy> studies = new ArrayList<>();
        for (int i = 0; i <= PROCESSED; i++) {
            String uid = "1.2.840.113619.2.55.3.604688119.971." + (1_700_000_000 + i);
            ImageStudy.Builder study = StudyEvents.study(uid).setPatientRef("MRN-0047731" + i + "^DOE^JANE");
            if (i == PROCESSED) {
                study.getImageBuilder().setWidth(0);
            }
            studies.add(study.build());
        }
        return studies;
    }

    private static void publish(ServiceHarness harness, EmbeddedSchemaRegistry registry, List<ImageStudy> studies) {
        AvroEventEncoder encoder = new AvroEventEncoder(SchemaRegistryClient.create(
                RegistryClientConfig.of(registry.url())), SubjectNameStrategy.TOPIC_NAME, true);
        List<ProducerRecord<byte[], byte[]>> events = new ArrayList<>();
        for (ImageStudy study : studies) {
            events.add(new ProducerRecord<>(FlowsegConfig.Topics.STUDIES, encoder.encode(FlowsegConfig.Topics.STUDIES, true, study.getStudyId()),
                    encoder.encode(FlowsegConfig.Topics.STUDIES, false, study)));
        }
        // Before the good studies: none of them may wait behind it or be lost with it.
        events.add(0, new ProducerRecord<>(FlowsegConfig.Topics.STUDIES, null, claimingTwoGigabytes(events.get(0).value())));
        harness.produce(FlowsegConfig.Topics.STUDIES, events);
    }

    /** An event of 10 bytes whose study id claims to be 2,000,000,000 bytes long (a zig-zag varint). */
    private static byte[] claimingTwoGigabytes(byte[] validEvent) {
        byte[] event = java.util.Arrays.copyOf(validEvent, 10);
        long zigZag = 2L * 2_000_000_000L;
        int at = 5;
        while ((zigZag & ~0x7FL) != 0) {
            event[at++] = (byte) ((zigZag & 0x7F) | 0x80);
            zigZag >>>= 7;
        }
        event[at] = (byte) zigZag;
        return event;
    }
}
