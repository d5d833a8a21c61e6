package io.flowseg.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.config.TopicNames;
import io.flowseg.embedded.EmbeddedRegistryConfig;
import io.flowseg.embedded.EmbeddedSchemaRegistry;
import io.flowseg.wire.RegistryClientConfig;
import io.flowseg.wire.SchemaRegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * The cluster drill Kubernetes and KEDA put flowseg through, with real {@code flowseg serve}
 * processes on one broker and a four-partition study topic: two instances share the partitions, a
 * third joins, one leaves (SIGTERM), then one of the two left is killed (SIGKILL) and a restarted
 * instance later sees its partner killed too, all while 300 studies stream (180 at the start, 120
 * more once the restarted instance shares the work). A read_committed
 * consumer must see every study's segmentation, uncertainty map and alert exactly once, and the
 * survivor of each kill must hold all four partitions within the session timeout (6 s here).
 */
class ScaleDrillIT {
    private static final int STUDIES = 300;
    /** Published at the start; the rest once the restarted instance shares the work, so the second kill lands mid-stream. */
    private static final int FIRST_WAVE = 180;
    private static final int PARTITIONS = 4;
    private static final String GROUP = "scale-drill";
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);

    @Test
    void scaleOutAndInAndTwoKillsLoseAndRepeatNothing() throws Exception {
        Path log = Files.createTempFile("flowseg-scale-drill-", ".log");
        List<ServiceProcess> started = new ArrayList<>();
        try (ServiceHarness harness = new ServiceHarness();
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(
                     EmbeddedRegistryConfig.of(harness.broker.bootstrapServers()));
             Admin admin = Admin.create(harness.connection())) {
            SchemaRegistryClient client = SchemaRegistryClient.create(RegistryClientConfig.of(registry.url()));
            TopicNames topics = TopicNames.defaults();
            admin.createTopics(List.of(new NewTopic(topics.studies(), PARTITIONS, (short) 1))).all().get();
            CommittedResults.publishStudies(harness.connection(), client, topics.studies(), "drill", FIRST_WAVE);

            try (CommittedResults segmentations = new CommittedResults(harness.connection(), topics.segmentations())) {
                ServiceProcess a = serve(harness, registry, "a", log, started);
                ServiceProcess b = serve(harness, registry, "b", log, started);
                segmentations.awaitAtLeast(60, () -> anyAlive(started), log);

                ServiceProcess c = serve(harness, registry, "c", log, started); // scale out
                segmentations.awaitAtLeast(110, () -> anyAlive(started), log);
                int exit = a.stop(); // scale in
                assertTrue(exit == 0 || exit == 143, "exit code " + exit);

                segmentations.awaitAtLeast(150, () -> anyAlive(started), log);
                b.kill();
                Duration firstTakeover = awaitSoleOwner(admin, topics.studies());

                ServiceProcess restarted = serve(harness, registry, "b", log, started);
                awaitMembersSharing(admin, topics.studies(), 2);
                CommittedResults.publishStudies(harness.connection(), client, topics.studies(), "drill-late", STUDIES - FIRST_WAVE);
                segmentations.awaitAtLeast(FIRST_WAVE + 20, () -> anyAlive(started), log);
                c.kill();
                Duration secondTakeover = awaitSoleOwner(admin, topics.studies());

                segmentations.awaitAtLeast(STUDIES, restarted::alive, log);
                exit = restarted.stop();
                assertTrue(exit == 0 || exit == 143, "exit code " + exit);
                System.out.printf("scale drill: %d studies, 3 instances, 1 SIGTERM, 2 SIGKILLs; survivors held all"
                        + " %d partitions %.1f s and %.1f s after the kills%n", STUDIES, PARTITIONS,
                        firstTakeover.toMillis() / 1000.0, secondTakeover.toMillis() / 1000.0);
                for (Duration takeover : List.of(firstTakeover, secondTakeover)) {
                    assertTrue(takeover.compareTo(SESSION_TIMEOUT.plusSeconds(10)) < 0,
                            "the survivor took " + takeover + " to hold every partition");
                }
            }

            CommittedResults.assertEveryStudyOnce(harness.connection(), client, topics, STUDIES);
        } finally {
            for (ServiceProcess process : started) {
                process.close();
            }
            Files.deleteIfExists(log);
        }
    }

    private static ServiceProcess serve(ServiceHarness harness, EmbeddedSchemaRegistry registry, String instance,
                                        Path log, List<ServiceProcess> started) throws Exception {
        Map<String, String> settings = ExactlyOnceIT.serviceSettings(harness.broker.bootstrapServers(), registry.url(),
                GROUP, GROUP + "-" + instance);
        ServiceProcess process = ServiceProcess.serve(settings, log);
        started.add(process);
        return process;
    }

    private static boolean anyAlive(Collection<ServiceProcess> processes) {
        return processes.stream().anyMatch(ServiceProcess::alive);
    }

    /** Time until one member of the group holds every partition of the study topic (the dead one gone). */
    private static Duration awaitSoleOwner(Admin admin, String topic) throws Exception {
        return awaitMembersSharing(admin, topic, 1);
    }

    /** Time until exactly {@code count} members share the study topic's partitions, each holding some. */
    private static Duration awaitMembersSharing(Admin admin, String topic, int count) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
            Collection<MemberDescription> members = group.members();
            List<Long> held = members.stream().map(member -> member.assignment().topicPartitions().stream()
                    .filter(partition -> partition.topic().equals(topic)).count()).toList();
            if (held.size() == count && held.stream().allMatch(n -> n > 0)
                    && held.stream().mapToLong(Long::longValue).sum() == PARTITIONS) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the group did not settle on " + count + " members sharing " + PARTITIONS + " partitions");
    }
}
