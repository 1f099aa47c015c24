package org.sessionreview.jobs.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a path argument into a local path: a plain path, or a {@code file:} URI. Any other URI
 * scheme ({@code s3://}, {@code hdfs://}, ...) is refused with a clear message (exit 2) instead of
 * becoming a local folder literally named {@code s3:}: reading sessions and writing tables go
 * through {@code java.nio} on a file system every process of the run can see (a local disk for
 * an embedded run, a shared mount such as NFS for a cluster).
 */
final class LocalPaths {
    /** {@code scheme:} at the start, as RFC 3986 spells a scheme; a Windows drive letter is not one. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    private LocalPaths() {}

    static Path of(String flag, String value) throws UsageException {
        if (!SCHEME.matcher(value).matches()) {
            return Path.of(value);
        }
        String scheme = value.substring(0, value.indexOf(':')).toLowerCase(Locale.ROOT);
        if (!scheme.equals("file")) {
            throw new UsageException(flag + " " + value + ": the " + scheme + ":// file system is not supported yet;"
                    + " give a local path or a file:// URI (on a cluster, a folder every TaskManager can read, e.g. an NFS mount)");
        }
        try {
            return Path.of(new URI(value));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new UsageException(flag + " " + value + " is not a usable file:// URI (" + e.getMessage() + ")");
        }
    }
}
