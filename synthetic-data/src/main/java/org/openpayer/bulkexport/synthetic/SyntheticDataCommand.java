package org.openpayer.bulkexport.synthetic;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Command line entry point: generates a dataset as NDJSON files (or only counts it) and prints the resources
 * written per type. Exit status 0 on success, 1 when writing fails, 2 for a bad command line.
 */
public final class SyntheticDataCommand {

    static final String USAGE = """
            Usage: synthetic-data --out DIR [options]
              --out DIR                  write NDJSON here, one {ResourceType}.ndjson per type
              --single-file              write everything into DIR/resources.ndjson instead
              --dry-run                  generate and count only; nothing is written (--out not needed)
              --seed N                   seed of every random choice (default 20261121)
              --members N                members: Patient, Coverage, claims and clinical data each (10000)
              --groups N                 ATR attribution Groups the members are spread over (20)
              --organizations N          provider organizations, each with a Location (20)
              --practitioners N          practitioners, each with a PractitionerRole (200)
              --claims-per-member N      ExplanationOfBenefit resources per member (8)
              --clinical-per-member N    clinical resources per member (30)
              --reference-date DATE      the dataset's "today", YYYY-MM-DD (2026-07-01)
            The same options always produce byte-identical output.
            """;

    private SyntheticDataCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandOptions options;
        try {
            options = CommandOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("synthetic-data: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options.help()) {
            out.print(USAGE);
            return 0;
        }
        try {
            ResourceCounter counter = generate(options);
            report(options, counter, out);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("synthetic-data: generation failed: " + e);
            return 1;
        }
    }

    private static ResourceCounter generate(CommandOptions options) throws IOException {
        SyntheticDataGenerator generator = new SyntheticDataGenerator(options.spec());
        if (options.dryRun()) {
            ResourceCounter counter = ResourceCounter.discarding();
            generator.generate(counter);
            return counter;
        }
        try (NdjsonResourceWriter writer = options.singleFile()
                ? NdjsonResourceWriter.singleFile(options.out().resolve(CommandOptions.SINGLE_FILE_NAME))
                : NdjsonResourceWriter.perType(options.out())) {
            ResourceCounter counter = new ResourceCounter(writer);
            generator.generate(counter);
            return counter;
        }
    }

    private static void report(CommandOptions options, ResourceCounter counter, PrintStream out) {
        for (Map.Entry<String, Long> count : counter.counts().entrySet()) {
            out.printf(Locale.ROOT, "%-20s %,12d%n", count.getKey(), count.getValue());
        }
        DatasetSpec spec = options.spec();
        String where = options.dryRun() ? "counted only, nothing written"
                : "written to " + destination(options).toAbsolutePath();
        out.printf(Locale.ROOT, "%-20s %,12d  (%.2f per member, %.1f MB of JSON; seed %d; %s)%n", "total",
                counter.total(), (double) counter.total() / spec.members(), counter.characters() / 1e6,
                spec.seed(), where);
    }

    private static Path destination(CommandOptions options) {
        return options.singleFile() ? options.out().resolve(CommandOptions.SINGLE_FILE_NAME) : options.out();
    }
}
