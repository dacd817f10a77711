package org.openpayer.bulkexport.attribution.event;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Publishes the outbox to Kafka, oldest first, and deletes what Kafka acknowledged. One instance relays at a time (a
 * transaction-scoped advisory lock), so one Group's events keep their order across instances. Delivery is at least
 * once: an event whose delete did not commit is published again; consumers deduplicate by group, version and part.
 * While Kafka is unreachable events wait in the table; nothing is lost.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant both instances agree on: "outbox" in ASCII. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;
    private static final int BATCH = 500;

    private final AgroalDataSource dataSource;
    private final KafkaProducer<String, byte[]> producer;

    public OutboxRelay(AgroalDataSource dataSource,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // a relay tick must not hang on an unreachable broker: it fails and the next tick retries
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Scheduled(every = "${attribution.outbox.relay-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        try {
            while (relayBatch() == BATCH) {
                // a full batch: more may be waiting
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("outbox relay failed, retrying on the next tick: %s", e.toString());
        }
    }

    /** Publishes up to one batch; returns how many events it published. */
    int relayBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!relayLock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<Long> published = publish(connection);
                delete(connection, published);
                connection.commit();
                return published.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    void close(@Observes ShutdownEvent shutdown) {
        producer.close();
    }

    private List<Long> publish(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, topic, event_key, payload from attribution.outbox order by id limit " + BATCH);
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                ids.add(row.getLong(1));
                sends.add(producer.send(new ProducerRecord<>(row.getString(2), row.getString(3), row.getBytes(4))));
            }
        }
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka refused an outbox event", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing the outbox", e);
            }
        }
        return ids;
    }

    private static boolean relayLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static void delete(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from attribution.outbox where id = any(?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            delete.executeUpdate();
        }
    }
}
