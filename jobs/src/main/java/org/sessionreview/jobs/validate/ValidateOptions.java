package org.sessionreview.jobs.validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sessionreview.config.EdaMethod;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.jobs.cli.ReviewOptions;
import org.sessionreview.jobs.cli.UsageException;
import org.sessionreview.scoring.StoredBaselines;

/**
 * Arguments of {@code validate}: {@code --recordings DIR} (required), {@code --labels FILE},
 * {@code --set KEY=VALUE} (repeatable, as for {@code review}), {@code --threads N} (default: the
 * number of cores) and {@code --out FILE} (the figures as JSON).
 */
record ValidateOptions(Path recordings, Path labels, PipelineConfig config, List<String> sets, int threads, Path out) {

    static ValidateOptions parse(String[] args) throws UsageException {
        Path recordings = null;
        Path labels = null;
        Path out = null;
        int threads = Runtime.getRuntime().availableProcessors();
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new UsageException(a.startsWith("--") ? a + " needs a value" : "unexpected argument '" + a + "'");
            }
            String v = args[++i];
            switch (a) {
                case "--recordings" -> recordings = Path.of(v);
                case "--labels" -> labels = Path.of(v);
                case "--out" -> out = Path.of(v);
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
                default -> throw new UsageException("unknown option '" + a + "'");
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
