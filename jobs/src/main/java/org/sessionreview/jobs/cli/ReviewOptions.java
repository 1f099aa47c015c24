package org.sessionreview.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sessionreview.config.ConfigOption;
import org.sessionreview.config.EdaMethod;
import org.sessionreview.config.EdaOptions;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.config.RunInputs;
import org.sessionreview.ingest.flink.Locations;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.scoring.StoredBaselines;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.LocalEntry;

/**
 * The {@code review} command's arguments, parsed and checked once; immutable. Configuration flows
 * one way: arguments -> {@code ReviewOptions} -> {@code PipelineConfig} -> operators.
 */
public final class ReviewOptions {
    /** How the topology executes: a bounded batch (default) or a streaming replay of the files. */
    public enum Mode {
        BATCH,
        STREAMING
    }

    public static final String USAGE = String.join(
            "\n",
            "Usage: java -jar jobs/target/session-review.jar review --sessions DIR --out DIR [options]",
            "",
            "Reads every session folder under --sessions (one folder per recorded session, each with a",
            "session.json, E4 wearable folders and annotation files) and writes the review tables as",
            "Parquet under --out (sessions/, moments/, windows/, ruptures/, segments/, annotations/,",
            "rejects/ and the other tables of the README), run.json and baselines.json. --out may be new, empty",
            "or a folder this tool wrote before (the entries it owns are replaced, other files left alone);",
            "it may not hold anything else, nor be, contain or lie inside the sessions root or your home folder.",
            "",
            "Options:",
            "  --sessions DIR              sessions root (required)",
            "  --out DIR                   output directory (required; created if missing)",
            "  --codebook FILE             run-wide codebook JSON mapping site labels to canonical codes",
            "  --baselines FILE            personal baselines from an earlier run (its <out>/baselines.json)",
            "                              DIR and FILE are local paths, file:// URIs or URIs of a Flink file",
            "                              system: s3://bucket/sessions, hdfs://namenode/sessions, ... For s3://",
            "                              put Flink's flink-s3-fs-hadoop jar into plugins/s3-fs-hadoop/ (or",
            "                              $FLINK_PLUGINS_DIR) and give --flink s3.access-key=... --flink",
            "                              s3.secret-key=... (an S3-compatible store also --flink s3.endpoint=URL",
            "                              --flink s3.path.style.access=true); on a cluster these belong in its",
            "                              plugins/ and config.yaml (see the README)",
            "  --parallelism N             Flink parallelism (default: the cluster's -p / parallelism.default;",
            "                              embedded: the number of CPU cores)",
            "  --flink KEY=VALUE           a Flink configuration option (repeatable), e.g. --flink restart-strategy.type=none",
            "                              or --flink execution.checkpointing.dir=file:///shared/checkpoints",
            "  --pseudonym-key-file FILE   key for the HMAC-SHA256 client pseudonym (or set " + Pseudonymizer.KEY_ENV
                    + ")",
            "  --allow-demo-key            use the public demo key when no key is given (synthetic data only)",
            "  --mode batch|streaming      execution mode (default batch; streaming replays the files as a stream)",
            "  --eda-method streaming|neurokit",
            "                              EDA decomposition: bounded streaming method (default) or NeuroKit2's",
            "                              whole-recording method (for comparisons with NeuroKit2 results)",
            "  --set KEY=VALUE             set a method parameter (repeatable), e.g. --set scoring.episode.enter_threshold=2.5;",
            "                              every parameter is listed, with its value, in each table's footer and in run.json",
            "  --list-options              print every parameter's key, type, unit, default and meaning",
            "  --quiet                     no progress lines, only the summary",
            "  --help                      print this help");

    private final Entry sessions;
    private final Entry out;
    private final String codebookJson;
    private final StoredBaselines baselines;
    private final java.util.Map<String, String> runInputs;
    private final Integer parallelism;
    private final java.util.Map<String, String> flinkConf;
    private final Pseudonymizer pseudonymizer;
    private final Mode mode;
    private final boolean quiet;
    private final PipelineConfig config;

    private ReviewOptions(
            Entry sessions,
            Entry out,
            String codebookJson,
            StoredBaselines baselines,
            java.util.Map<String, String> runInputs,
            Integer parallelism,
            java.util.Map<String, String> flinkConf,
            Pseudonymizer pseudonymizer,
            Mode mode,
            boolean quiet,
            PipelineConfig config) {
        this.flinkConf = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(flinkConf));
        this.config = config;
        this.sessions = sessions;
        this.out = out;
        this.codebookJson = codebookJson;
        this.baselines = baselines;
        this.runInputs = runInputs;
        this.parallelism = parallelism;
        this.pseudonymizer = pseudonymizer;
        this.mode = mode;
        this.quiet = quiet;
    }

    /**
     * Parses the arguments after {@code review}, with Flink's file systems as they are. {@code env}
     * supplies the environment variable {@value Pseudonymizer#KEY_ENV} (injected so tests need not
     * touch the real environment).
     */
    public static ReviewOptions parse(String[] args, java.util.function.Function<String, String> env)
            throws UsageException {
        return parse(args, env, flink -> {});
    }

    /**
     * Parses the arguments after {@code review}. {@code fileSystems} gets the {@code --flink}
     * configuration once the arguments are read and before any location is resolved or read, to
     * set up Flink's file systems with it (an embedded run's {@code s3.*} keys and plugins).
     * {@code --sessions}, {@code --out}, {@code --codebook}, {@code --baselines} and {@code
     * --pseudonym-key-file} are plain paths or URIs ({@link Locations}); a scheme no file system
     * serves is a {@link UsageException} naming the flag and the scheme.
     */
    public static ReviewOptions parse(
            String[] args,
            java.util.function.Function<String, String> env,
            java.util.function.Consumer<java.util.Map<String, String>> fileSystems)
            throws UsageException {
        String sessionsArg = null;
        String outArg = null;
        String codebookArg = null;
        String baselinesArg = null;
        String keyFileArg = null;
        Integer parallelism = null;
        boolean demo = false;
        boolean quiet = false;
        Mode mode = Mode.BATCH;
        EdaMethod edaMethod = EdaMethod.STREAMING;
        List<String> sets = new ArrayList<>();
        java.util.Map<String, String> flinkConf = new java.util.TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--sessions":
                    sessionsArg = value(args, ++i, a);
                    break;
                case "--out":
                    outArg = value(args, ++i, a);
                    break;
                case "--codebook":
                    codebookArg = value(args, ++i, a);
                    break;
                case "--baselines":
                    baselinesArg = value(args, ++i, a);
                    break;
                case "--pseudonym-key-file":
                    keyFileArg = value(args, ++i, a);
                    break;
                case "--parallelism":
                    String p = value(args, ++i, a);
                    try {
                        parallelism = Integer.parseInt(p);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--parallelism must be a whole number, got '" + p + "'");
                    }
                    if (parallelism < 1 || parallelism > 1024) {
                        throw new UsageException("--parallelism must be between 1 and 1024, got " + parallelism);
                    }
                    break;
                case "--allow-demo-key":
                    demo = true;
                    break;
                case "--quiet":
                    quiet = true;
                    break;
                case "--eda-method":
                    String em = value(args, ++i, a);
                    try {
                        edaMethod = EdaMethod.valueOf(em.toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--eda-method must be streaming or neurokit, got '" + em + "'");
                    }
                    break;
                case "--set":
                    sets.add(value(args, ++i, a));
                    break;
                case "--flink":
                    TablesArgument.putFlinkSetting(flinkConf, value(args, ++i, a));
                    break;
                case "--mode":
                    String m = value(args, ++i, a);
                    try {
                        mode = Mode.valueOf(m.toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--mode must be batch or streaming, got '" + m + "'");
                    }
                    break;
                default:
                    throw new UsageException("unknown argument '" + a + "' (see --help)");
            }
        }
        if (sessionsArg == null) {
            throw new UsageException("--sessions DIR is required (see --help)");
        }
        if (outArg == null) {
            throw new UsageException("--out DIR is required (see --help)");
        }
        fileSystems.accept(flinkConf);
        Entry sessions = location("--sessions", sessionsArg);
        Entry out = location("--out", outArg);
        Entry codebook = location("--codebook", codebookArg);
        Entry baselinesFile = location("--baselines", baselinesArg);
        Entry keyFile = location("--pseudonym-key-file", keyFileArg);
        if (!sessions.isDirectory() || !sessions.isListable()) {
            throw new UsageException(sessions.unreachable()
                    .map(why -> "sessions root " + sessions + " cannot be reached (" + why + ")")
                    .orElse("sessions root " + sessions + " is not a readable directory"));
        }
        if (out.exists() && !out.isDirectory()) {
            throw new UsageException("--out " + out + " exists and is not a directory");
        }
        // each run-wide file is read once: what is parsed is what run.json and the footers record
        RunInputs.File codebookRead = codebook == null ? null : RunInputFiles.read("codebook", codebook);
        String codebookJson = codebookRead == null ? null : RunInputFiles.codebookJson(codebook, codebookRead);
        StoredBaselines baselines = StoredBaselines.none();
        RunInputs.File baselinesRead = null;
        if (baselinesFile != null) {
            baselinesRead = RunInputFiles.read("baselines file", baselinesFile);
            try {
                baselines = StoredBaselines.parse(baselinesFile, baselinesRead.bytes());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        PipelineConfig config = config(edaMethod, sets, baselines);
        Pseudonymizer pseudonymizer = pseudonymizer(keyFile, demo, env);
        return new ReviewOptions(
                sessions,
                out,
                codebookJson,
                baselines,
                RunInputs.describe(baselinesRead, codebookRead),
                parallelism,
                flinkConf,
                pseudonymizer,
                mode,
                quiet,
                config);
    }

    /**
     * The entry {@code value} names: a local path made absolute and normalised, or an entry on the
     * file system Flink has for its scheme; null when the flag was not given.
     */
    public static Entry location(String flag, String value) throws UsageException {
        if (value == null) {
            return null;
        }
        Entry e;
        try {
            e = Locations.of(value);
        } catch (Locations.UnusableLocationException ex) {
            throw new UsageException(flag + " " + value + ": " + ex.getMessage());
        }
        return e instanceof LocalEntry l
                ? LocalEntry.of(l.path().toAbsolutePath().normalize())
                : e;
    }

    /** The pipeline configuration: {@code --eda-method}, then each {@code --set} in order, checked against the declarations. */
    public static PipelineConfig config(EdaMethod edaMethod, List<String> sets, StoredBaselines baselines)
            throws UsageException {
        PipelineConfig.Builder b =
                PipelineConfig.builder().set(EdaOptions.METHOD, edaMethod).storedBaselines(baselines);
        try {
            for (String kv : sets) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException("--set needs KEY=VALUE, got '" + kv + "'");
                }
                b.setText(kv.substring(0, eq).trim(), kv.substring(eq + 1));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--set: " + e.getMessage());
        }
    }

    /** Every declared option, one per line, for {@code review --list-options}. */
    public static String listOptions() {
        StringBuilder sb =
                new StringBuilder("Parameters (set with --set KEY=VALUE; key (type, unit, default): meaning):\n");
        for (ConfigOption<?> o : PipelineConfig.ALL) {
            sb.append("  ").append(o.help()).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static Pseudonymizer pseudonymizer(
            Entry keyFile, boolean demo, java.util.function.Function<String, String> env) throws UsageException {
        return PseudonymKeys.resolve(keyFile, demo, env);
    }

    /** The value after flag {@code flag} at {@code args[i]}; refused when missing or another flag. */
    public static String value(String[] args, int i, String flag) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(flag + " needs a value");
        }
        return args[i];
    }

    /** The sessions root: a local folder or a folder on a Flink file system. */
    public Entry sessions() {
        return sessions;
    }

    /** The output folder ({@code --out}). */
    public Entry out() {
        return out;
    }

    /** The run-wide codebook's JSON text, read once here; empty without {@code --codebook}. */
    public Optional<String> codebookJson() {
        return Optional.ofNullable(codebookJson);
    }

    /** Stored baselines from {@code --baselines}; empty when not given. */
    public StoredBaselines baselines() {
        return baselines;
    }

    /**
     * The run-wide files that shaped the numbers ({@link RunInputs#describe}): name, size and
     * SHA-256 of the bytes this parse read, or {@code none}.
     */
    public java.util.Map<String, String> runInputs() {
        return runInputs;
    }

    /** {@code --parallelism}; empty when the environment's parallelism applies. */
    public Optional<Integer> parallelism() {
        return Optional.ofNullable(parallelism);
    }

    /** Flink configuration options from {@code --flink KEY=VALUE}, for an embedded run or on top of a cluster's. */
    public java.util.Map<String, String> flinkConf() {
        return flinkConf;
    }

    public Pseudonymizer pseudonymizer() {
        return pseudonymizer;
    }

    public Mode mode() {
        return mode;
    }

    public EdaMethod edaMethod() {
        return config.features().edaMethod();
    }

    /** The pipeline configuration these arguments give (defaults, {@code --eda-method}, {@code --set}, {@code --baselines}). */
    public PipelineConfig config() {
        return config;
    }

    public boolean quiet() {
        return quiet;
    }
}
