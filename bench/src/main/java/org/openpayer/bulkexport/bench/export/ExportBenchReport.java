package org.openpayer.bulkexport.bench.export;

import org.openpayer.bulkexport.bench.MachineFacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The export benchmark's results, gathered as the run goes, as Markdown for docs/benchmarks.md. */
final class ExportBenchReport {

    private final int members;
    private long datasetResources;
    private int groups;
    private double loadSeconds;
    private Timing smallGroupCold;
    private List<Timing> smallGroupWarm;
    private long smallGroupMembers;
    private Timing population;
    private RawLimit.Transfer rawLimit;
    private final List<Downloads.Ways> downloads = new ArrayList<>();
    private Map<String, Long> peakRss = Map.of();

    ExportBenchReport(int members) {
        this.members = members;
    }

    /**
     * One export job, by its own clock.
     *
     * @param seconds   accepted to completed
     * @param resources resources in its output files
     * @param bytes     bytes of its output files
     * @param tasks     tasks it was planned into
     * @param files     files in its manifest
     */
    record Timing(double seconds, long resources, long bytes, long tasks, int files) {

        double resourcesPerSecond() {
            return resources / seconds;
        }

        double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    void dataset(long resources, int groupCount, double seconds) {
        this.datasetResources = resources;
        this.groups = groupCount;
        this.loadSeconds = seconds;
    }

    /** @param warm the same export repeated once the suite is warm; reported as its median and range */
    void smallGroup(Timing cold, List<Timing> warm, long patients) {
        this.smallGroupCold = cold;
        this.smallGroupWarm = warm.stream().sorted(Comparator.comparingDouble(Timing::seconds)).toList();
        this.smallGroupMembers = patients;
    }

    void population(Timing timing) {
        this.population = timing;
    }

    void rawLimit(RawLimit.Transfer transfer) {
        this.rawLimit = transfer;
    }

    /** One round of downloads, all three ways with one client; reported in the order given. */
    void downloads(Downloads.Ways ways) {
        downloads.add(ways);
    }

    void peakRss(Map<String, Long> mebibytesByProcess) {
        this.peakRss = Map.copyOf(mebibytesByProcess);
    }

    String markdown() {
        MachineFacts machine = MachineFacts.current();
        StringBuilder md = new StringBuilder();
        md.append("### Export, ").append(members).append(" members (commit ")
                .append(System.getProperty("bench.commit", "unknown")).append(")\n\n")
                .append("Machine: ").append(machine.cores()).append(" cores, Java ").append(machine.java())
                .append(", ").append(machine.os()).append(". Dataset: ").append(datasetResources)
                .append(" resources, ").append(groups).append(" Groups, loaded in ").append(f(loadSeconds))
                .append(" s.\n\n")
                .append("| Measure | Resources | MB | Seconds | Resources/s | MB/s | Notes |\n")
                .append("|---|---:|---:|---:|---:|---:|---|\n");
        row(md, "Group export (" + smallGroupMembers + " members), first after start-up", smallGroupCold,
                smallGroupCold.tasks() + " tasks, " + smallGroupCold.files() + " files");
        Timing median = smallGroupWarm.get(smallGroupWarm.size() / 2);
        row(md, "Group export (" + smallGroupMembers + " members), again", median,
                "median of " + smallGroupWarm.size() + " runs (" + f(smallGroupWarm.get(0).seconds()) + "–"
                        + f(smallGroupWarm.get(smallGroupWarm.size() - 1).seconds()) + " s); " + median.tasks()
                        + " tasks, " + median.files() + " files");
        row(md, "Export of every member (`/Patient/$export`)", population,
                population.tasks() + " tasks, " + population.files() + " files");
        md.append("| Raw limit: same rows, PostgreSQL → S3, no suite | ").append(rawLimit.resources()).append(" | ")
                .append(f(rawLimit.bytes() / 1e6)).append(" | ").append(f(rawLimit.seconds())).append(" | ")
                .append(f(rawLimit.resourcesPerSecond())).append(" | ").append(f(rawLimit.megabytesPerSecond()))
                .append(" | export reaches ").append(percent(population.megabytesPerSecond(),
                        rawLimit.megabytesPerSecond())).append(" of it (MB/s) |\n");
        for (Downloads.Client client : Downloads.Client.values()) {
            List<Downloads.Ways> rounds = downloads.stream().filter(ways -> ways.client() == client).toList();
            if (rounds.isEmpty()) {
                continue;
            }
            List<RawLimit.Transfer> s3 = rounds.stream().map(Downloads.Ways::s3).toList();
            String name = ", " + client.label();
            download(md, "Download via the gateway and file-service (public URL)" + name,
                    rounds.stream().map(Downloads.Ways::gateway).toList(), s3);
            download(md, "Download from file-service directly" + name,
                    rounds.stream().map(Downloads.Ways::fileService).toList(), s3);
            download(md, "Download straight from S3" + name, s3, null);
        }
        md.append('\n');
        md.append("Peak RSS (MiB): ");
        peakRss.forEach((name, mib) -> md.append(name).append(' ').append(mib).append(", "));
        md.setLength(md.length() - 2);
        md.append(".\n");
        return md.toString();
    }

    /**
     * One way's row: the median of its rounds, their range, and (unless it is S3's own row) the median against S3's
     * median with the same client.
     */
    private static void download(StringBuilder md, String name, List<RawLimit.Transfer> rounds,
                                 List<RawLimit.Transfer> s3) {
        RawLimit.Transfer median = median(rounds);
        md.append("| ").append(name).append(" | | ").append(f(median.bytes() / 1e6)).append(" | ")
                .append(f(median.seconds())).append(" | | ").append(f(median.megabytesPerSecond())).append(" | ")
                .append("median of ").append(rounds.size()).append(" rounds (")
                .append(f(rounds.stream().mapToDouble(RawLimit.Transfer::megabytesPerSecond).min().orElseThrow()))
                .append("–")
                .append(f(rounds.stream().mapToDouble(RawLimit.Transfer::megabytesPerSecond).max().orElseThrow()))
                .append(" MB/s)");
        if (s3 != null) {
            md.append(", ").append(percent(median.megabytesPerSecond(), median(s3).megabytesPerSecond()))
                    .append(" of direct S3 with the same client");
        }
        md.append(" |\n");
    }

    /** The round of median time (the lower middle one of an even count). */
    static RawLimit.Transfer median(List<RawLimit.Transfer> rounds) {
        List<RawLimit.Transfer> sorted = rounds.stream()
                .sorted(Comparator.comparingDouble(RawLimit.Transfer::seconds)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static void row(StringBuilder md, String name, Timing timing, String notes) {
        md.append("| ").append(name).append(" | ").append(timing.resources()).append(" | ")
                .append(f(timing.bytes() / 1e6)).append(" | ").append(f(timing.seconds())).append(" | ")
                .append(f(timing.resourcesPerSecond())).append(" | ").append(f(timing.megabytesPerSecond()))
                .append(" | ").append(notes).append(" |\n");
    }

    private static String percent(double part, double whole) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * part / whole);
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }
}
