package org.sessionreview.jobs;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.sessionreview.jobs.sampledata.SampleDataGenerator;

/** The {@code generate-sample-data} command: rewrites the synthetic cohort (default into sample-data/). */
final class SampleDataCommand {
    static final String USAGE =
            "Usage: java -jar jobs/target/session-review.jar generate-sample-data [--out DIR] [--seed N]\n"
                    + "  --out DIR   where to write the cohort (default sample-data)\n"
                    + "  --seed N    noise seed (default " + SampleDataGenerator.DEFAULT_SEED
                    + "); the same seed gives the same files";

    private SampleDataCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (Arrays.stream(args).anyMatch(Main::isHelp)) {
            out.println(USAGE);
            return 0;
        }
        Path dir = Path.of("sample-data");
        long seed = SampleDataGenerator.DEFAULT_SEED;
        for (int i = 0; i < args.length; i++) {
            boolean hasValue = i + 1 < args.length;
            switch (args[i]) {
                case "--out":
                    if (!hasValue) {
                        err.println("generate-sample-data: --out needs a value");
                        return 2;
                    }
                    try {
                        dir = org.sessionreview.jobs.cli.TablesArgument.localPath("--out", args[++i]);
                    } catch (org.sessionreview.jobs.cli.UsageException e) {
                        err.println("generate-sample-data: " + e.getMessage());
                        return 2;
                    }
                    break;
                case "--seed":
                    if (!hasValue) {
                        err.println("generate-sample-data: --seed needs a value");
                        return 2;
                    }
                    try {
                        seed = Long.parseLong(args[++i]);
                    } catch (NumberFormatException e) {
                        err.println("generate-sample-data: --seed must be a whole number, got '" + args[i] + "'");
                        return 2;
                    }
                    break;
                default:
                    err.println("session-review generate-sample-data: unknown argument '" + args[i]
                            + "' (see 'generate-sample-data --help')");
                    return 2;
            }
        }
        try {
            SampleDataGenerator.generate(dir, seed);
        } catch (Exception e) {
            err.println("generate-sample-data: could not write " + dir + ": " + e.getMessage());
            return 1;
        }
        out.println("wrote the synthetic sample cohort to " + dir + " (seed " + seed + ")");
        return 0;
    }
}
