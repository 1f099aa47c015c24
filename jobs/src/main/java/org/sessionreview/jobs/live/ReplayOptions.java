package org.sessionreview.jobs.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.jobs.cli.ReviewOptions;
import org.sessionreview.jobs.cli.UsageException;
import org.sessionreview.storage.Entry;

/** The {@code replay} command's arguments, parsed and checked once; immutable. */
public final class ReplayOptions {
    /** Default {@code --topic}. */
    public static final String DEFAULT_TOPIC = "session-review.input";
    /** Largest {@code --copies}. */
    public static final int MAX_COPIES = 10_000;

    public static final String USAGE = String.join(
            "\n",
            "Usage: java -jar jobs/target/session-review.jar replay --sessions DIR --bootstrap HOST:PORT [options]",
            "",
            "Publishes recorded session folders to Kafka as a live device bridge would: per session a",
            "session_start message, about one second of each channel per samples message, one event per",
            "coded annotation, and session_end, each sent at its time in the recording. All sessions start",
            "together. The client id is replaced by its keyed pseudonym before anything is sent.",
            "",
            "Options:",
            "  --sessions DIR              sessions root (required), as for review",
            "  --bootstrap HOST:PORT       Kafka bootstrap servers (required; comma-separated for several)",
            "  --topic NAME                topic to publish to (default " + DEFAULT_TOPIC + ")",
            "  --speed S                   1 = real time (default), 10, 100, ... times as fast, or max (no waiting)",
            "  --copies K                  send each session K times (default 1): copy 1 keeps the session id,",
            "                              copy n is <session id>~n (for load tests; at most " + MAX_COPIES + ")",
            "  --codebook FILE             run-wide codebook JSON mapping site labels to canonical codes",
            "  --pseudonym-key-file FILE   key for the HMAC-SHA256 client pseudonym (or set " + Pseudonymizer.KEY_ENV
                    + ")",
            "  --allow-demo-key            use the public demo key when no key is given (synthetic data only)",
            "  --help                      print this help");

    /** One {@code HOST:PORT}: a host name, IPv4 or bracketed IPv6 address, and a port. */
    private static final Pattern SERVER = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+):(\\d{1,5})");
    /** Kafka's legal topic names. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private final ReviewOptions input;
    private final String bootstrap;
    private final String topic;
    private final double speed;
    private final int copies;

    private ReplayOptions(ReviewOptions input, String bootstrap, String topic, double speed, int copies) {
        this.input = input;
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.speed = speed;
        this.copies = copies;
    }

    /**
     * Parses the arguments after {@code replay}. {@code env} supplies {@value
     * Pseudonymizer#KEY_ENV}.
     */
    public static ReplayOptions parse(String[] args, Function<String, String> env) throws UsageException {
        String sessions = null;
        String bootstrap = null;
        String topic = DEFAULT_TOPIC;
        double speed = 1;
        int copies = 1;
        List<String> input = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--sessions" -> sessions = value(args, ++i, a);
                case "--bootstrap" -> bootstrap = bootstrap(value(args, ++i, a));
                case "--topic" -> topic = topic(value(args, ++i, a));
                case "--speed" -> speed = speed(value(args, ++i, a));
                case "--copies" -> copies = copies(value(args, ++i, a));
                case "--codebook", "--pseudonym-key-file" -> input.addAll(List.of(a, value(args, ++i, a)));
                case "--allow-demo-key" -> input.add(a);
                default -> throw new UsageException("unknown argument '" + a + "' (see --help)");
            }
        }
        if (sessions == null) {
            throw new UsageException("--sessions DIR is required (see --help)");
        }
        if (bootstrap == null) {
            throw new UsageException("--bootstrap HOST:PORT is required (see --help)");
        }
        return new ReplayOptions(reviewInput(sessions, input, env), bootstrap, topic, speed, copies);
    }

    // The sessions root, codebook and pseudonym key are checked, read and built exactly as review
    // does it, by review's own parser; --out is required there and names the sessions root here,
    // which that parser only checks (review refuses it as an output later, replay never writes).
    private static ReviewOptions reviewInput(String sessions, List<String> input, Function<String, String> env)
            throws UsageException {
        List<String> args = new ArrayList<>(List.of("--sessions", sessions, "--out", sessions));
        args.addAll(input);
        return ReviewOptions.parse(args.toArray(String[]::new), env);
    }

    private static String bootstrap(String text) throws UsageException {
        for (String server : text.split(",", -1)) {
            var m = SERVER.matcher(server.trim());
            if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65535) {
                throw new UsageException(
                        "--bootstrap must be HOST:PORT (port 1 to 65535), comma-separated for several, got '" + text
                                + "'");
            }
        }
        return text.replace(" ", "");
    }

    private static String topic(String text) throws UsageException {
        if (!TOPIC.matcher(text).matches() || text.equals(".") || text.equals("..")) {
            throw new UsageException(
                    "--topic must be a Kafka topic name (1 to 249 of a-z A-Z 0-9 . _ -), got '" + text + "'");
        }
        return text;
    }

    private static double speed(String text) throws UsageException {
        try {
            return Pacer.parseSpeed(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int copies(String text) throws UsageException {
        try {
            int k = Integer.parseInt(text.trim());
            if (k >= 1 && k <= MAX_COPIES) {
                return k;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new UsageException("--copies must be a whole number from 1 to " + MAX_COPIES + ", got '" + text + "'");
    }

    private static String value(String[] args, int i, String flag) throws UsageException {
        return ReviewOptions.value(args, i, flag);
    }

    /** The sessions root ({@code --sessions}). */
    public Entry sessions() {
        return input.sessions();
    }

    /** Kafka bootstrap servers, {@code HOST:PORT[,HOST:PORT...]}. */
    public String bootstrap() {
        return bootstrap;
    }

    public String topic() {
        return topic;
    }

    /** Device seconds per wall second; {@link Pacer#MAX} for {@code max}. Default 1. */
    public double speed() {
        return speed;
    }

    /** Times each session is sent ({@code --copies}), at least 1. */
    public int copies() {
        return copies;
    }

    public Pseudonymizer pseudonymizer() {
        return input.pseudonymizer();
    }

    /** The run-wide codebook's JSON text; empty without {@code --codebook}. */
    public Optional<String> codebookJson() {
        return input.codebookJson();
    }

    /** The pipeline configuration (defaults): block span and E4 limits for ingestion. */
    public PipelineConfig config() {
        return input.config();
    }
}
