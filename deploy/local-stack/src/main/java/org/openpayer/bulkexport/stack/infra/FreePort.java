package org.openpayer.bulkexport.stack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Port helpers: tests take free ports so that two builds, or a build beside a running local stack, never collide.
 * Ports are drawn below the kernel's ephemeral range, and never twice in one JVM: the ephemeral range is where every
 * outgoing connection (JDBC, Kafka, HTTP clients of all the processes a suite runs) takes its local port, so a port
 * picked there could be taken between the pick and the server binding it, and the server would not start while a
 * readiness probe on that port reached someone else.
 */
public final class FreePort {

    /** Above the local stack's fixed ports (8080-8085, 15432, 19000, 19092). */
    private static final int LOWEST = 20_000;
    private static final int ATTEMPTS = 200;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePort() {
    }

    public static int find() {
        int ceiling = ephemeralRangeStart();
        for (int attempt = 0; attempt < ATTEMPTS && ceiling > LOWEST; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, ceiling);
            if (!GIVEN.contains(port) && bindable(port) && GIVEN.add(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            GIVEN.add(socket.getLocalPort());
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Linux's first ephemeral port (32768 by default); elsewhere the IANA range's (49152). */
    private static int ephemeralRangeStart() {
        try {
            return Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 49_152;
        }
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
