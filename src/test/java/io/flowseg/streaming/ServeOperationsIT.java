package io.flowseg.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowseg.events.ImageStudy;
import io.flowseg.registry.AvroEventEncoder;
import io.flowseg.registry.EmbeddedRegistryConfig;
import io.flowseg.registry.EmbeddedSchemaRegistry;
import io.flowseg.registry.RegistryClientConfig;
import io.flowseg.registry.SchemaRegistryClient;
import io.flowseg.registry.SubjectNameStrategy;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code flowseg serve} as operators see it: health checks and Prometheus metrics on its HTTP
 * port, readiness lost when the broker goes away, and logs free of patient references and study ids.
 */
class ServeOperationsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reportsHealthAndMetricsAndLosesReadinessWithTheBroker() throws Exception {
        Path log = Files.createTempFile("flowseg-serve-", ".log");
        int port = freePort();
        ServiceHarness harness = new ServiceHarness();
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                EmbeddedRegistryConfig.of(harness.broker.bootstrapServers()));
        try (ServiceProcess serve = ServiceProcess.serve(Map.of(
                     "kafka.bootstrap.servers", harness.broker.bootstrapServers(),
                     "flowseg.registry.url", registry.url(),
                     "flowseg.processor.transactional-id", "operations-it",
                     "quarkus.http.port", Integer.toString(port)), log)) {
            publish(harness, registry, 3);
            String base = "http://127.0.0.1:" + port;

            JsonNode ready = awaitJson(base + "/q/health/ready", body -> body.path("status").asText().equals("UP"));
            assertEquals("UP", ready.path("status").asText(), ready.toString());
            assertEquals("UP", awaitJson(base + "/q/health/live", body -> true).path("status").asText());
            String metrics = awaitText(base + "/q/metrics",
                    body -> body.contains("flowseg_studies_processed_total 3.0"));
            assertTrue(metrics.contains("flowseg_studies_processed_total 3.0"), "processed count in /q/metrics");
            for (String histogram : List.of("flowseg_study_queued_seconds_bucket", "flowseg_study_sampling_seconds_bucket",
                    "flowseg_study_end_to_end_seconds_bucket", "flowseg_batch_studies")) {
                assertTrue(metrics.contains(histogram), histogram + " in /q/metrics");
            }
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
            for (int i = 0; i < 3; i++) {
                assertFalse(output.contains("PSEUDO-ops-" + i), "a patient reference was logged");
                assertFalse(output.contains("ops-" + i), "a study id was logged");
            }
        } finally {
            registry.close();
            harness.close();
            Files.deleteIfExists(log);
        }
    }

    private static void publish(ServiceHarness harness, EmbeddedSchemaRegistry registry, int count) {
        AvroEventEncoder encoder = new AvroEventEncoder(SchemaRegistryClient.create(
                RegistryClientConfig.of(registry.url())), SubjectNameStrategy.TOPIC_NAME, true);
        List<ProducerRecord<byte[], byte[]>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ImageStudy study = StudyEvents.study("ops-" + i).build();
            events.add(new ProducerRecord<>(Topics.STUDIES, encoder.encode(Topics.STUDIES, true, study.getStudyId()),
                    encoder.encode(Topics.STUDIES, false, study)));
        }
        harness.produce(Topics.STUDIES, events);
    }

    private static JsonNode awaitJson(String url, Predicate<JsonNode> done) throws Exception {
        return JSON.readTree(awaitText(url, body -> {
            try {
                return done.test(JSON.readTree(body));
            } catch (IOException e) {
                return false;
            }
        }));
    }

    /** GETs the URL until the body satisfies {@code done} or 90 s pass; returns the last body. */
    private static String awaitText(String url, Predicate<String> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            try {
                body = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (done.test(body)) {
                    return body;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        return body;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
