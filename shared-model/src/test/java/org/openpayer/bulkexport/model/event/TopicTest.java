package org.openpayer.bulkexport.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

class TopicTest {

    @Test
    void topics_haveKebabCaseNamesAndOneEventTypeEach() {
        Set<Class<?>> eventTypes = new HashSet<>();
        for (Topic topic : Topic.values()) {
            assertThat(topic.topicName()).matches("[a-z]+(-[a-z0-9]+)*");
            assertThat(topic.partitions()).isPositive();
            assertThat(eventTypes.add(topic.eventType())).as("%s carries a type of its own", topic).isTrue();
        }
    }

    @Test
    void byName_findsEveryTopicAndNothingElse() {
        Arrays.stream(Topic.values()).forEach(topic -> assertThat(Topic.byName(topic.topicName())).contains(topic));
        assertThat(Topic.byName("export-requested-v0")).isEmpty();
    }

    @Test
    void of_typeWithoutTopic_isRejected() {
        assertThatThrownBy(() -> Topic.of(WrittenFile.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
