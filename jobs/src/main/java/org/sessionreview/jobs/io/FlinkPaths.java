package org.sessionreview.jobs.io;

import java.net.URI;
import org.apache.flink.core.fs.Path;

/**
 * Flink paths from URIs without escaping them twice. Flink's {@code new Path(String)} quotes the
 * characters a URI may not hold, so a URI string that is already escaped ({@code
 * file:/tmp/o%20sp}) would name another folder ({@code o%2520sp}); {@code --out "/tmp/o sp"}
 * then wrote the tables beside the output folder. Build a {@link Path} from a URI with {@link
 * #of}, and hand Flink a path as text (a configuration value, a connector's {@code path}) with
 * {@link #text}, which Flink's own parsing escapes once.
 */
public final class FlinkPaths {
    private FlinkPaths() {}

    /** The Flink path of an escaped URI, e.g. an {@code Entry.uri()} or {@code java.nio.file.Path.toUri()}. */
    public static Path of(String uri) {
        return new Path(URI.create(uri));
    }

    /** The Flink path of {@code uri} as Flink reads a path from text (its characters unescaped). */
    public static String text(String uri) {
        return of(uri).toString();
    }
}
