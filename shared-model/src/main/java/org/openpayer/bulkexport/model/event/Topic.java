package org.openpayer.bulkexport.model.event;

import org.openpayer.bulkexport.model.route.Service;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every Kafka topic of the suite, with the one event type it carries, its partition count and the service that
 * produces it. This is the only place these facts are written in code: the serializers, the local stack's topic
 * creation and the Kubernetes manifest test all read them from here. A breaking event change adds a new record and a
 * {@code -v2} topic.
 */
public enum Topic {

    EXPORT_REQUESTED("export-requested", ExportRequested.class, 6, Service.EXPORT),
    /** The work queue of the export workers; its partition count caps how many workers share a job. */
    EXPORT_TASK_PLANNED("export-task-planned", ExportTaskPlanned.class, 12, Service.EXPORT),
    EXPORT_TASK_COMPLETED("export-task-completed", ExportTaskCompleted.class, 6, Service.EXPORT),
    EXPORT_TASK_FAILED("export-task-failed", ExportTaskFailed.class, 6, Service.EXPORT),
    EXPORT_COMPLETED("export-completed", ExportCompleted.class, 3, Service.EXPORT),
    /** Keyed by Group id, so one Group's versions arrive in order. */
    ATTRIBUTION_LIST_CHANGED("attribution-list-changed", AttributionListChanged.class, 6, Service.ATTRIBUTION);

    private final String topicName;
    private final Class<?> eventType;
    private final int partitions;
    private final Service producer;

    Topic(String topicName, Class<?> eventType, int partitions, Service producer) {
        this.topicName = topicName;
        this.eventType = eventType;
        this.partitions = partitions;
        this.producer = producer;
    }

    /** The one service that publishes on the topic. */
    public Service producer() {
        return producer;
    }

    public String topicName() {
        return topicName;
    }

    public Class<?> eventType() {
        return eventType;
    }

    public int partitions() {
        return partitions;
    }

    public static Optional<Topic> byName(String topicName) {
        return Arrays.stream(values()).filter(topic -> topic.topicName.equals(topicName)).findFirst();
    }

    public static Topic of(Class<?> eventType) {
        return Arrays.stream(values())
                .filter(topic -> topic.eventType.equals(eventType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic carries " + eventType.getName()));
    }
}
