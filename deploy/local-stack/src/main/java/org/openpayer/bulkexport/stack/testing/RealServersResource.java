package org.openpayer.bulkexport.stack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.openpayer.bulkexport.stack.infra.Infrastructure;
import org.openpayer.bulkexport.stack.infra.ServerKind;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gives a Quarkus test real servers: {@code @QuarkusTestResource(value = RealServersResource.class, initArgs =
 * @ResourceArg(name = "servers", value = "postgres,kafka,s3"))}. Servers start once per test JVM and are shared by its
 * test classes (each test uses ids of its own); they stop when the JVM exits. Any other init arg is passed on as a
 * configuration property of the application under test.
 */
public class RealServersResource implements QuarkusTestResourceLifecycleManager {

    public static final String SERVERS = "servers";

    private static Infrastructure shared;

    private Set<ServerKind> servers = EnumSet.allOf(ServerKind.class);
    private final Map<String, String> extraConfig = new HashMap<>();

    /** The servers of this test JVM, started on first use; tests that need a JDBC URL or a client ask here. */
    public static synchronized Infrastructure infrastructure() {
        if (shared == null) {
            shared = Infrastructure.forTestsFromScratch(Path.of("target", "test-servers").toAbsolutePath());
        }
        return shared;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        initArgs.forEach((key, value) -> {
            if (SERVERS.equals(key)) {
                servers = Arrays.stream(value.split(","))
                        .map(name -> ServerKind.valueOf(name.trim().toUpperCase(Locale.ROOT)))
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ServerKind.class)));
            } else {
                extraConfig.put(key, value);
            }
        });
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(infrastructure().ensure(servers).quarkusConfig());
        config.putAll(extraConfig);
        return config;
    }

    @Override
    public void stop() {
        // Shared with the JVM's other test classes; the servers stop at JVM exit.
    }
}
