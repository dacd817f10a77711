package org.openpayer.bulkexport.bench;

/**
 * The facts about the machine a reader needs to compare two reports: throughput on 2 cores says little about 16.
 *
 * @param cores processors the JVM sees (the load generator, auth-service and PostgreSQL all share them)
 * @param java  the Java version and VM
 * @param os    operating system, version and architecture
 */
public record MachineFacts(int cores, String java, String os) {

    public static MachineFacts current() {
        return new MachineFacts(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version")
                        + " " + System.getProperty("os.arch"));
    }
}
