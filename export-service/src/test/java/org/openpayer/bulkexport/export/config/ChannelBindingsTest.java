package org.openpayer.bulkexport.export.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.model.event.Topic;
import org.openpayer.bulkexport.model.route.Service;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Channels are bound to topics by name in application.properties; this keeps those names in step with shared-model's
 * {@link Topic}, so a typo cannot create (or wait forever on) a topic nobody else uses.
 */
class ChannelBindingsTest {

    @Test
    void everyChannel_isBoundToADeclaredTopic() throws Exception {
        // given
        Map<String, String> bindings = channelTopics();
        Set<String> declared = Arrays.stream(Topic.values()).map(Topic::topicName).collect(Collectors.toSet());

        // then
        assertThat(bindings).isNotEmpty();
        assertThat(bindings.values()).allSatisfy(topic -> assertThat(declared).contains(topic));
    }

    @Test
    void everyTopicOfThisService_isProducedHere() throws Exception {
        Map<String, String> bindings = channelTopics();
        for (Topic topic : Arrays.stream(Topic.values()).filter(t -> t.producer() == Service.EXPORT).toList()) {
            boolean produced = bindings.entrySet().stream().anyMatch(binding -> binding.getKey().startsWith("outgoing.")
                    && binding.getValue().equals(topic.topicName()));
            assertThat(produced).as("%s is produced here", topic.topicName()).isTrue();
        }
    }

    private static Map<String, String> channelTopics() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = ChannelBindingsTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties.stringPropertyNames().stream()
                .filter(key -> key.startsWith("mp.messaging.") && key.endsWith(".topic"))
                .collect(Collectors.toMap(
                        key -> key.substring("mp.messaging.".length(), key.length() - ".topic".length()),
                        properties::getProperty));
    }
}
