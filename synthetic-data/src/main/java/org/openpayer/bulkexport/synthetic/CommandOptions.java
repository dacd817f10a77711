package org.openpayer.bulkexport.synthetic;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The parsed command line of {@link SyntheticDataCommand}. Unset options keep {@link DatasetSpec#defaults()}; every
 * problem is an IllegalArgumentException whose message is shown to the user as is.
 *
 * @param spec       what to generate
 * @param out        the output directory; {@code null} only for a dry run or help
 * @param singleFile everything into {@link #SINGLE_FILE_NAME} rather than one file per type
 * @param dryRun     generate and count, write nothing
 * @param help       print the usage and stop
 */
record CommandOptions(DatasetSpec spec, Path out, boolean singleFile, boolean dryRun, boolean help) {

    static final String SINGLE_FILE_NAME = "resources.ndjson";

    static CommandOptions parse(String... args) {
        DatasetSpec.Builder spec = DatasetSpec.builder();
        Path out = null;
        boolean singleFile = false;
        boolean dryRun = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--help", "-h" -> {
                    return new CommandOptions(DatasetSpec.defaults(), out, singleFile, dryRun, true);
                }
                case "--single-file" -> singleFile = true;
                case "--dry-run" -> dryRun = true;
                case "--out" -> out = Path.of(value(args, ++i, option));
                case "--seed" -> spec.seed(longValue(args, ++i, option));
                case "--members" -> spec.members(intValue(args, ++i, option));
                case "--groups" -> spec.groups(intValue(args, ++i, option));
                case "--organizations" -> spec.providerOrganizations(intValue(args, ++i, option));
                case "--practitioners" -> spec.practitioners(intValue(args, ++i, option));
                case "--claims-per-member" -> spec.claimsPerMember(intValue(args, ++i, option));
                case "--clinical-per-member" -> spec.clinicalPerMember(intValue(args, ++i, option));
                case "--reference-date" -> spec.referenceDate(dateValue(args, ++i, option));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (out == null && !dryRun) {
            throw new IllegalArgumentException("--out DIR is required (or --dry-run to only count)");
        }
        return new CommandOptions(spec.build(), out, singleFile, dryRun, false);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static long longValue(String[] args, int index, String option) {
        String value = value(args, index, option);
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not " + value, e);
        }
    }

    private static int intValue(String[] args, int index, String option) {
        long value = longValue(args, index, option);
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new IllegalArgumentException(option + " is too large: " + value);
        }
        return (int) value;
    }

    private static LocalDate dateValue(String[] args, int index, String option) {
        String value = value(args, index, option);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " needs a date as YYYY-MM-DD, not " + value, e);
        }
    }
}
