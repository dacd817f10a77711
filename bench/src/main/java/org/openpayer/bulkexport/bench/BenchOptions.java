package org.openpayer.bulkexport.bench;

import java.util.Locale;

/**
 * The benchmark's settings, from command-line options. Defaults give a run of about a minute per algorithm on the
 * 2-core machines; every option exists so a change can be measured at another load.
 *
 * @param requests       measured requests per algorithm
 * @param concurrency    requests in flight at once (closed loop: each worker sends its next request on an answer)
 * @param warmup         unmeasured requests per algorithm first, so both JITs and the connection pools are warm
 * @param authJvmOptions auth-service's JVM options, space-separated
 */
record BenchOptions(int requests, int concurrency, int warmup, String authJvmOptions) {

    /** As deploy/k8s/auth-service.yaml runs it: its 512 MiB limit at MaxRAMPercentage=75, serial collector. */
    static final String DEPLOYED_JVM_OPTIONS = "-Xmx384m -XX:+UseSerialGC";

    static final String USAGE = """
            usage: bench/token-endpoint.sh [--requests N] [--concurrency C] [--warmup W] [--auth-jvm-opts "OPTS"]
              --requests N          measured token requests per algorithm (default 20000)
              --concurrency C       requests in flight at once (default 16)
              --warmup W            unmeasured requests per algorithm before each measured run (default 20000)
              --auth-jvm-opts OPTS  auth-service's JVM options (default "%s")
            """.formatted(DEPLOYED_JVM_OPTIONS);

    BenchOptions {
        requirePositive("--requests", requests);
        requirePositive("--concurrency", concurrency);
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must not be negative: " + warmup);
        }
        if (authJvmOptions == null) {
            throw new IllegalArgumentException("--auth-jvm-opts needs a value");
        }
    }

    static BenchOptions defaults() {
        return new BenchOptions(20_000, 16, 20_000, DEPLOYED_JVM_OPTIONS);
    }

    /** Reads {@code --name value} or {@code --name=value} options over the defaults; unknown options are errors. */
    static BenchOptions parse(String... args) {
        BenchOptions options = defaults();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            options = switch (name.toLowerCase(Locale.ROOT)) {
                case "--requests" -> new BenchOptions(number(name, value), options.concurrency, options.warmup,
                        options.authJvmOptions);
                case "--concurrency" -> new BenchOptions(options.requests, number(name, value), options.warmup,
                        options.authJvmOptions);
                case "--warmup" -> new BenchOptions(options.requests, options.concurrency, number(name, value),
                        options.authJvmOptions);
                case "--auth-jvm-opts" -> new BenchOptions(options.requests, options.concurrency, options.warmup,
                        value.strip());
                default -> throw new IllegalArgumentException("unknown option " + name);
            };
        }
        return options;
    }

    static boolean wantsHelp(String... args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, not '" + value + "'");
        }
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
    }
}
