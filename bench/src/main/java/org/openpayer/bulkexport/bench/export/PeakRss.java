package org.openpayer.bulkexport.bench.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A process's peak resident set size, as Linux keeps it ({@code VmHWM} in {@code /proc/<pid>/status}). */
final class PeakRss {

    private PeakRss() {
    }

    /** Peak RSS in MiB, or empty where /proc is not there (not Linux) or the process is gone. */
    static Optional<Long> mebibytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return Optional.of(kib / 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
