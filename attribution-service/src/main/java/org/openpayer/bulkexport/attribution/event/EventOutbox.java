package org.openpayer.bulkexport.attribution.event;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.model.codec.EventCodec;
import org.openpayer.bulkexport.model.event.Topic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Records events in the transaction of the change they report; {@link OutboxRelay} publishes them after commit. The
 * topic comes from the event's type ({@link Topic}), the payload is the event's wire JSON.
 */
@ApplicationScoped
public class EventOutbox {

    public void add(Connection connection, String key, Object event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into attribution.outbox (topic, event_key, payload) values (?, ?, ?)")) {
            insert.setString(1, Topic.of(event.getClass()).topicName());
            insert.setString(2, key);
            insert.setBytes(3, EventCodec.toJson(event));
            insert.executeUpdate();
        }
    }
}
