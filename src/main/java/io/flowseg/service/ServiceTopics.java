package io.flowseg.service;

import io.flowseg.config.TopicNames;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.jboss.logging.Logger;

/**
 * Creates the topics serve and demo use when they are missing, with the broker's default
 * partitions and replication; the policy topic compacted (a policy's latest record is the policy).
 * Where topics are managed by an operator and flowseg may not create them, it says so and goes on.
 */
final class ServiceTopics {
    private static final Logger LOG = Logger.getLogger(ServiceTopics.class);

    private ServiceTopics() {
    }

    static void ensure(Map<String, Object> connection, TopicNames topics) {
        List<NewTopic> wanted = Stream.concat(Stream.of(topics.studies(), topics.segmentations(), topics.uncertainty(),
                        topics.alerts(), topics.deadLetter(), topics.statistics()).map(ServiceTopics::plain),
                Stream.of(plain(topics.policies()).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT)))).toList();
        try (Admin admin = Admin.create(connection)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("could not create the missing topics (%s); they must be created before the service can run",
                    e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static NewTopic plain(String name) {
        return new NewTopic(name, java.util.Optional.empty(), java.util.Optional.empty());
    }
}
