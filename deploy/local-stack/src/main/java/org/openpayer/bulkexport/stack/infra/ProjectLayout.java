package org.openpayer.bulkexport.stack.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build put things: the repository root, each native server's classpath and each packaged service. Tests
 * run with a module as working directory and the launcher with the root, so the root is found by walking up to the
 * Maven wrapper (or given as {@code -Dsuite.root}).
 */
public record ProjectLayout(Path root) {

    public static ProjectLayout locate() {
        String configured = System.getProperty("suite.root");
        if (configured != null) {
            return new ProjectLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy/local-stack"))) {
                return new ProjectLayout(dir);
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath()
                + "; run from inside the checkout or set -Dsuite.root");
    }

    /** Classpath of a native server module: its own classes (logging config, wrapper main) and copied jars. */
    public String serverClasspath(String module) {
        Path dir = root.resolve("deploy/servers").resolve(module).resolve("target");
        requireBuilt(dir.resolve("lib"));
        return dir.resolve("classes") + java.io.File.pathSeparator + dir.resolve("lib") + "/*";
    }

    /** The runnable jar of a packaged Quarkus application (a service, or the gateway under deploy/). */
    public Path quarkusRunJar(String moduleDir) {
        Path jar = root.resolve(moduleDir).resolve("target/quarkus-app/quarkus-run.jar");
        requireBuilt(jar);
        return jar;
    }

    /** Scratch space of the local stack (data, logs, pid files, demo credentials); ignored by git. */
    public Path localDir() {
        return root.resolve(".local");
    }

    private static void requireBuilt(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing: build first (./mvnw -T1 install -DskipTests)");
        }
    }
}
