package org.sessionreview.jobs;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.sessionreview.jobs.live.ReplayCommand;

/**
 * Command-line entry point of {@code session-review.jar}.
 *
 * <pre>
 * review                 run the batch review (see {@code review --help})
 * generate-sample-data   regenerate the synthetic cohort in sample-data/
 * bench                  measure the review against the parse floor (see {@code bench --help})
 * kafka                  a single-node Kafka broker on localhost for live mode (see {@code kafka --help})
 * replay                 publish recorded sessions to Kafka as live sessions (see {@code replay --help})
 * live-bench             measure the live job's processing latency (see {@code live-bench --help})
 * watch                  print the live job's candidate moments as they come (see {@code watch --help})
 * sql                    Flink SQL over a review's output tables (see {@code sql --help})
 * validate               the anxiety index of labelled recordings against their labels (see {@code validate --help})
 * </pre>
 *
 * Exit codes: 0 success, 1 the job failed, 2 unusable arguments.
 */
public final class Main {
    static final String USAGE = String.join(
            "\n",
            "session-review: psychotherapy session review on Apache Flink",
            "",
            "Commands:",
            "  review --sessions DIR --out DIR [options]   review recorded sessions; 'review --help' for options",
            "  generate-sample-data [--out DIR] [--seed N]  regenerate the synthetic sample cohort",
            "  bench [--sessions N] [--minutes M] ...      measure the review against the parse floor; 'bench --help'",
            "  kafka [--port 9092] [--dir DIR]             a single-node Kafka broker on localhost; Ctrl-C stops it",
            "  live --bootstrap HOST:PORT --out DIR ...    review live sessions from Kafka; 'live --help'",
            "  replay --sessions DIR --bootstrap HOST:PORT publish recorded sessions to Kafka as live ones; 'replay --help'",
            "  live-bench [--dyads N] [--speed S] ...      measure the live job's latency in this JVM; 'live-bench --help'",
            "  watch --bootstrap HOST:PORT [--from-beginning] print the live job's candidate moments as they come",
            "  export --audience research --tables DIR --out DIR  a review's tables for researchers; 'export --help'",
            "  report --tables DIR --out DIR ...           HTML pages for supervisors from review tables; 'report --help'",
            "  sql (-e SQL | -f FILE) --tables DIR         Flink SQL over a review's output tables; 'sql --help'",
            "  validate --recordings DIR [--labels FILE]   the anxiety index against stress-task labels; 'validate --help'",
            "  --help                                      print this help");

    private Main() {}

    /**
     * Runs a command. Run with {@code java -jar}, the exit code ends the JVM. Inside a Flink
     * client or cluster ({@code flink run}, a REST or web-UI submission, application mode) it never
     * calls {@link System#exit}, which would end the client or even the JobManager: success
     * returns, a failure throws with the command's error lines, which Flink reports to the
     * submitter.
     */
    public static void main(String[] args) {
        if (!insideFlink()) {
            // UTF-8 whatever the locale: sql's CSV and JSON lines, names in messages (before: a
            // non-ASCII label or path printed as "?" under LANG=C, as Latin-1 under other defaults)
            PrintStream out = new PrintStream(
                    new java.io.BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16),
                    true,
                    java.nio.charset.StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(
                    new java.io.FileOutputStream(java.io.FileDescriptor.err),
                    true,
                    java.nio.charset.StandardCharsets.UTF_8);
            int code = run(args, out, err);
            out.flush();
            err.flush();
            System.exit(code);
        }
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        PrintStream err = new PrintStream(
                new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        System.err.write(b);
                        errors.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        System.err.write(b, off, len);
                        errors.write(b, off, len);
                    }
                },
                true,
                java.nio.charset.StandardCharsets.UTF_8);
        int code = run(args, System.out, err);
        if (code != 0) {
            String text = errors.toString(java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> l.startsWith("session-review"))
                    .reduce((a, b) -> a + "\n" + b)
                    .orElse("");
            throw new IllegalStateException(
                    "session-review exited with code " + code + (text.isEmpty() ? "" : ":\n" + text));
        }
    }

    /** Whether {@code main} runs under a Flink client or cluster rather than as its own program. */
    public static boolean insideFlink() {
        return !(org.apache.flink.streaming.api.environment.StreamExecutionEnvironment.getExecutionEnvironment()
                instanceof org.apache.flink.streaming.api.environment.LocalStreamEnvironment);
    }

    /**
     * Runs a command and returns its exit code (used by tests instead of {@link #main}).
     *
     * <p>First sets the JVM's default <em>format</em> locale to {@link Locale#ROOT} (the display
     * locale is left alone): Flink writes some of its own configuration values with {@code
     * String.format} in that locale and parses them back expecting ASCII digits, so under a locale
     * with other digits ({@code ar-SA}, {@code th-TH-TH}) every {@code sql} statement failed with
     * "Could not parse value '٢٥٦ mb'" (ninth audit). Every number this tool writes for machines is
     * formatted in {@link Locale#ROOT} already; this keeps Flink's own the same.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Locale.setDefault(Locale.Category.FORMAT, Locale.ROOT);
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
            case "bench":
                return new BenchCommand(out, err).run(rest);
            case "kafka":
                return new KafkaCommand(out, err).run(rest);
            case "live":
                return new org.sessionreview.jobs.live.LiveCommand(out, err).run(rest);
            case "replay":
                return new ReplayCommand(out, err).run(rest, System::getenv);
            case "export":
                return new org.sessionreview.jobs.export.ExportCommand(out, err).run(rest, System::getenv);
            case "live-bench":
                return new org.sessionreview.jobs.live.LiveBenchCommand(out, err).run(rest);
            case "watch":
                return new org.sessionreview.jobs.live.WatchCommand(out, err).run(rest);
            case "report":
                return new org.sessionreview.jobs.report.ReportCommand(out, err).run(rest);
            case "sql":
                return new org.sessionreview.jobs.sql.SqlCommand(out, err).run(rest);
            case "validate":
                return new org.sessionreview.jobs.validate.ValidateCommand(out, err).run(rest);
            default:
                err.println("session-review: unknown command '" + args[0] + "'\n\n" + USAGE);
                return 2;
        }
    }

    static boolean isHelp(String a) {
        return a.equals("--help") || a.equals("-h") || a.equals("help");
    }
}
