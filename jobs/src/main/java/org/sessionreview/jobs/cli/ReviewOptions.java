package org.sessionreview.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sessionreview.config.ConfigOption;
import org.sessionreview.config.EdaMethod;
import org.sessionreview.config.EdaOptions;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.scoring.StoredBaselines;

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

    public static final String USAGE = String.join("\n",
            "Usage: java -jar jobs/target/session-review.jar review --sessions DIR --out DIR [options]",
            "",
            "Reads every session folder under --sessions (one folder per recorded session, each with a",
            "session.json, E4 wearable folders and annotation files) and writes the review tables as",
            "Parquet under --out: sessions/, moments/, windows/, annotations/, rejects/, and run.json.",
            "Existing table folders under --out are replaced.",
            "",
            "Options:",
            "  --sessions DIR              sessions root (required)",
            "  --out DIR                   output directory (required; created if missing)",
            "  --codebook FILE             run-wide codebook JSON mapping site labels to canonical codes",
            "  --baselines FILE            personal baselines from an earlier run (its <out>/baselines.json)",
            "  --parallelism N             Flink parallelism (default: the cluster's -p / parallelism.default;",
            "                              embedded: the number of CPU cores)",
            "  --flink KEY=VALUE           a Flink configuration option (repeatable), e.g. --flink restart-strategy.type=none",
            "                              or --flink execution.checkpointing.dir=file:///shared/checkpoints",
            "  --pseudonym-key-file FILE   key for the HMAC-SHA256 client pseudonym (or set "
                    + Pseudonymizer.KEY_ENV + ")",
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

    private final Path sessions;
    private final Path out;
    private final Path codebook;
    private final StoredBaselines baselines;
    private final Path baselinesFile;
    private final Integer parallelism;
    private final java.util.Map<String, String> flinkConf;
    private final Pseudonymizer pseudonymizer;
    private final Mode mode;
    private final boolean quiet;
    private final PipelineConfig config;

    private ReviewOptions(Path sessions, Path out, Path codebook, Path baselinesFile, StoredBaselines baselines,
            Integer parallelism, java.util.Map<String, String> flinkConf, Pseudonymizer pseudonymizer, Mode mode, boolean quiet,
            PipelineConfig config) {
        this.flinkConf = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(flinkConf));
        this.config = config;
        this.sessions = sessions;
        this.out = out;
        this.codebook = codebook;
        this.baselinesFile = baselinesFile;
        this.baselines = baselines;
        this.parallelism = parallelism;
        this.pseudonymizer = pseudonymizer;
        this.mode = mode;
        this.quiet = quiet;
    }

    /**
     * Parses the arguments after {@code review}. {@code env} supplies the environment variable
     * {@value Pseudonymizer#KEY_ENV} (injected so tests need not touch the real environment).
     */
    public static ReviewOptions parse(String[] args, java.util.function.Function<String, String> env)
            throws UsageException {
        Path sessions = null;
        Path out = null;
        Path codebook = null;
        Path baselinesFile = null;
        Path keyFile = null;
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
                    sessions = LocalPaths.of(a, value(args, ++i, a));
                    break;
                case "--out":
                    out = LocalPaths.of(a, value(args, ++i, a));
                    break;
                case "--codebook":
                    codebook = LocalPaths.of(a, value(args, ++i, a));
                    break;
                case "--baselines":
                    baselinesFile = LocalPaths.of(a, value(args, ++i, a));
                    break;
                case "--pseudonym-key-file":
                    keyFile = LocalPaths.of(a, value(args, ++i, a));
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
                    String kv = value(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new UsageException("--flink takes KEY=VALUE (a Flink configuration option), got '" + kv + "'");
                    }
                    flinkConf.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
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
        if (sessions == null) {
            throw new UsageException("--sessions DIR is required (see --help)");
        }
        if (out == null) {
            throw new UsageException("--out DIR is required (see --help)");
        }
        if (!Files.isDirectory(sessions) || !Files.isReadable(sessions)) {
            throw new UsageException("sessions root " + sessions + " is not a readable directory");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " exists and is not a directory");
        }
        if (codebook != null && !Files.isReadable(codebook)) {
            throw new UsageException("codebook " + codebook + " is not a readable file");
        }
        if (codebook != null) {
            try {
                org.sessionreview.taxonomy.Codebook.load(codebook); // a broken run-wide codebook stops the run here, not per session
            } catch (org.sessionreview.taxonomy.CodebookException e) {
                throw new UsageException(e.getMessage());
            }
        }
        StoredBaselines baselines = StoredBaselines.none();
        if (baselinesFile != null) {
            if (!Files.isReadable(baselinesFile)) {
                throw new UsageException("baselines file " + baselinesFile + " is not a readable file");
            }
            try {
                baselines = StoredBaselines.read(baselinesFile);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        PipelineConfig config = config(edaMethod, sets, baselines);
        Pseudonymizer pseudonymizer = pseudonymizer(keyFile, demo, env);
        return new ReviewOptions(sessions.toAbsolutePath().normalize(), out.toAbsolutePath().normalize(),
                codebook == null ? null : codebook.toAbsolutePath().normalize(),
                baselinesFile == null ? null : baselinesFile.toAbsolutePath().normalize(), baselines,
                parallelism, flinkConf, pseudonymizer, mode, quiet, config);
    }

    /** The pipeline configuration: {@code --eda-method}, then each {@code --set} in order, checked against the declarations. */
    private static PipelineConfig config(EdaMethod edaMethod, List<String> sets, StoredBaselines baselines)
            throws UsageException {
        PipelineConfig.Builder b = PipelineConfig.builder().set(EdaOptions.METHOD, edaMethod).storedBaselines(baselines);
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
        StringBuilder sb = new StringBuilder("Parameters (set with --set KEY=VALUE; key (type, unit, default): meaning):\n");
        for (ConfigOption<?> o : PipelineConfig.ALL) {
            sb.append("  ").append(o.help()).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static Pseudonymizer pseudonymizer(Path keyFile, boolean demo,
            java.util.function.Function<String, String> env) throws UsageException {
        try {
            if (keyFile != null) {
                if (!Files.isReadable(keyFile)) {
                    throw new UsageException("pseudonym key file " + keyFile + " is not readable");
                }
                return Pseudonymizer.fromFile(keyFile);
            }
            String fromEnv = env.apply(Pseudonymizer.KEY_ENV);
            if (fromEnv != null && !fromEnv.isBlank()) {
                return Pseudonymizer.fromText(fromEnv, "environment variable " + Pseudonymizer.KEY_ENV);
            }
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new UsageException(e.getMessage());
        }
        if (demo) {
            return Pseudonymizer.demo();
        }
        throw new UsageException("no pseudonym key: give --pseudonym-key-file FILE or set "
                + Pseudonymizer.KEY_ENV + " (client identifiers are protected; use --allow-demo-key"
                + " only for synthetic data)");
    }

    private static String value(String[] args, int i, String flag) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(flag + " needs a value");
        }
        return args[i];
    }

    public Path sessions() {
        return sessions;
    }

    public Path out() {
        return out;
    }

    public Optional<Path> codebook() {
        return Optional.ofNullable(codebook);
    }

    /** Stored baselines from {@code --baselines}; empty when not given. */
    public StoredBaselines baselines() {
        return baselines;
    }

    public Optional<Path> baselinesFile() {
        return Optional.ofNullable(baselinesFile);
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
