package org.sessionreview.jobs;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Command-line entry point of {@code session-review.jar}.
 *
 * <pre>
 * review                 run the batch review (see {@code review --help})
 * generate-sample-data   regenerate the synthetic cohort in sample-data/
 * </pre>
 *
 * Exit codes: 0 success, 1 the job failed, 2 unusable arguments.
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "session-review: psychotherapy session review on Apache Flink",
            "",
            "Commands:",
            "  review --sessions DIR --out DIR [options]   review recorded sessions; 'review --help' for options",
            "  generate-sample-data [--out DIR] [--seed N]  regenerate the synthetic sample cohort",
            "  --help                                      print this help");

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command and returns its exit code (used by tests instead of {@link #main}). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || isHelp(args[0])) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0].toLowerCase(Locale.ROOT)) {
            case "review":
                return new ReviewCommand(out, err).run(rest, System::getenv);
            case "generate-sample-data":
                return SampleDataCommand.run(rest, out, err);
            default:
                err.println("session-review: unknown command '" + args[0] + "'\n\n" + USAGE);
                return 2;
        }
    }

    static boolean isHelp(String a) {
        return a.equals("--help") || a.equals("-h") || a.equals("help");
    }
}
