package org.openpayer.bulkexport.stack.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for child JVMs, run by the same Java that runs us so a machine needs only one JDK. Every child gets
 * the serial collector and a fixed heap: many small JVMs share two cores. They also stop at the first JIT tier, which
 * halves start-up on two cores but runs hot code at a fraction of full speed; benchmarks, which measure the steady
 * state as production runs it, set {@value #FULL_JIT_PROPERTY}{@code =true} to keep the full JIT.
 */
public final class JavaCommand {

    public static final String FULL_JIT_PROPERTY = "stack.full-jit";

    private final List<String> command = new ArrayList<>();

    private JavaCommand(String heap) {
        command.add(javaExecutable());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC");
        if (!Boolean.getBoolean(FULL_JIT_PROPERTY)) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.add("-Xshare:auto");
    }

    public static JavaCommand withHeap(String heap) {
        return new JavaCommand(heap);
    }

    public JavaCommand systemProperty(String name, String value) {
        command.add("-D" + name + "=" + value);
        return this;
    }

    public List<String> mainClass(String classpath, String mainClass, String... args) {
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return List.copyOf(command);
    }

    public List<String> jar(Path jar, String... args) {
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return List.copyOf(command);
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
