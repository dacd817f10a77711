package org.openpayer.bulkexport.stack.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.openpayer.bulkexport.model.event.Topic;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Creates the suite's topics, with the partition counts {@link Topic} declares, on a broker the harness started. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    public static void createAll(String bootstrapServers) {
        List<NewTopic> topics = Arrays.stream(Topic.values())
                .map(topic -> new NewTopic(topic.topicName(), topic.partitions(), (short) 1))
                .toList();
        try (Admin admin = Admin.create(config(bootstrapServers))) {
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create the suite's topics", e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not create the topics in time", e);
        }
    }

    static boolean brokerAnswers(String bootstrapServers) {
        try (Admin admin = Admin.create(config(bootstrapServers))) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static Map<String, Object> config(String bootstrapServers) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    }
}
