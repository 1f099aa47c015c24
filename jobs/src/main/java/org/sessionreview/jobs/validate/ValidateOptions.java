package org.sessionreview.jobs.validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sessionreview.config.EdaMethod;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.jobs.cli.ReviewOptions;
import org.sessionreview.jobs.cli.TablesArgument;
import org.sessionreview.jobs.cli.UsageException;
import org.sessionreview.scoring.StoredBaselines;

/**
 * Arguments of {@code validate}: {@code --recordings DIR} (required), {@code --labels FILE},
 * {@code --set KEY=VALUE} (repeatable, as for {@code review}), {@code --threads N} (default: the
 * number of cores) and {@code --out FILE} (the figures as JSON).
 */
record ValidateOptions(Path recordings, Path labels, PipelineConfig config, List<String> sets, int threads, Path out) {

    /** Every option, each taking a value; anything else is refused, also as the last argument. */
    private static final Set<String> OPTIONS = Set.of("--recordings", "--labels", "--out", "--set", "--threads");

    static ValidateOptions parse(String[] args) throws UsageException {
        Path recordings = null;
        Path labels = null;
        Path out = null;
        int threads = Runtime.getRuntime().availableProcessors();
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!OPTIONS.contains(a)) {
                throw new UsageException("unknown argument '" + a + "'");
            }
            if (i + 1 >= args.length) {
                throw new UsageException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--recordings" -> recordings = TablesArgument.localPath(a, v);
                case "--labels" -> labels = TablesArgument.localPath(a, v);
                case "--out" -> out = TablesArgument.localPath(a, v);
                case "--set" -> sets.add(v);
                case "--threads" -> {
                    try {
                        threads = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--threads needs a whole number, got '" + v + "'");
                    }
                    if (threads < 1) {
                        throw new UsageException("--threads must be at least 1");
                    }
                }
                default -> throw new UsageException("unknown argument '" + a + "'");
            }
        }
        if (recordings == null) {
            throw new UsageException("--recordings DIR is required");
        }
        if (!Files.isDirectory(recordings)) {
            throw new UsageException("--recordings " + recordings + " is not a folder");
        }
        if (labels != null && !Files.isRegularFile(labels)) {
            throw new UsageException("--labels " + labels + " is not a readable file");
        }
        PipelineConfig config = ReviewOptions.config(EdaMethod.STREAMING, sets, StoredBaselines.none());
        return new ValidateOptions(recordings, labels, config, List.copyOf(sets), threads, out);
    }
}
