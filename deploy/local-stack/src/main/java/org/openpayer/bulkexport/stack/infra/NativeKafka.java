package org.openpayer.bulkexport.stack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * A single-node KRaft Kafka broker from the Maven-fetched broker jars: the storage is formatted once, then
 * {@code kafka.Kafka} runs as a child JVM. Automatic topic creation is off, so a topic missing from {@link
 * KafkaTopics} fails loudly instead of appearing with one partition.
 */
final class NativeKafka {

    private NativeKafka() {
    }

    static ManagedProcess start(ProjectLayout layout, Path workDir, int port, boolean detached) {
        Path dataDir = workDir.resolve("kafka-data");
        Path config = workDir.resolve("kafka.properties");
        int controllerPort = FreePort.find();
        writeConfig(config, dataDir, port, controllerPort);
        String classpath = layout.serverClasspath("kafka");
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            String clusterId = Base64Uuid.random();
            ManagedProcess.run("kafka-storage-format",
                    JavaCommand.withHeap("256m").mainClass(classpath, "kafka.tools.StorageTool",
                            "format", "--cluster-id=" + clusterId, "-c", config.toString()),
                    workDir.resolve("logs/kafka-format.log"), Duration.ofSeconds(60));
        }
        ManagedProcess process = ManagedProcess.start("kafka",
                JavaCommand.withHeap("384m").mainClass(classpath, "kafka.Kafka", config.toString()),
                Map.of(), workDir.resolve("logs/kafka.log"), detached);
        String bootstrap = bootstrapServers(port);
        // Port first: the admin client logs a warning for every refused connection while the broker starts.
        process.awaitReady(Duration.ofSeconds(90),
                () -> FreePort.isListening(port) && KafkaTopics.brokerAnswers(bootstrap));
        KafkaTopics.createAll(bootstrap);
        return process;
    }

    static String bootstrapServers(int port) {
        return "127.0.0.1:" + port;
    }

    private static void writeConfig(Path config, Path dataDir, int port, int controllerPort) {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                // Advertised by address, so no client ever needs DNS.
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir,
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // Consumers join a fresh group without the default 3 s wait.
                "group.initial.rebalance.delay.ms=0",
                "");
        try {
            Files.createDirectories(config.getParent());
            // A restarted stack keeps its data, but the controller port is new each time.
            Files.writeString(config, properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
    }

    /** Kafka cluster ids are 16 random bytes in URL-safe base64 without padding. */
    private static final class Base64Uuid {
        static String random() {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
        }
    }
}
