package org.openpayer.bulkexport.stack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A server the harness started as a child process, with its output in a log file. Detached processes get a session
 * of their own ({@code setsid}), so they outlive the launcher and a closed terminal; {@code down} stops them by PID.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * @param detached whether the process must survive this JVM (the local stack) or die with it (tests)
     */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path log,
                                       boolean detached) {
        try {
            Files.createDirectories(log.getParent());
            List<String> fullCommand = detached && Files.isExecutable(Path.of("/usr/bin/setsid"))
                    ? prepend("/usr/bin/setsid", command) : command;
            ProcessBuilder builder = new ProcessBuilder(fullCommand)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            ManagedProcess managed = new ManagedProcess(name, process, log);
            if (!detached) {
                Runtime.getRuntime().addShutdownHook(new Thread(managed::close, "stop-" + name));
            }
            return managed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Runs a command to completion, failing with its output when it does not exit 0. */
    public static void run(String name, List<String> command, Path log, Duration timeout) {
        ManagedProcess managed = start(name, command, Map.of(), log, false);
        try {
            if (!managed.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                managed.close();
                throw new IllegalStateException(name + " did not finish within " + timeout + managed.logTail());
            }
            if (managed.process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed" + managed.logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        }
    }

    /** Polls {@code ready} until it holds; fails early, with the log's tail, if the process dies. */
    public void awaitReady(Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + logTail());
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleepBriefly();
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + logTail());
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** SIGTERM, so servers shut down cleanly (PostgreSQL's shutdown hook, Quarkus's graceful stop); then SIGKILL. */
    @Override
    public void close() {
        stop(process.toHandle());
    }

    /** Stops any process by handle, as {@code down} does with the PIDs {@code up} recorded. */
    public static void stop(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "; last lines of " + log + ":\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException e) {
            return "; see " + log;
        }
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a server", e);
        }
    }
}
