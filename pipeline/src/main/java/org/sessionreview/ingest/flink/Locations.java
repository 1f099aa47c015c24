package org.sessionreview.ingest.flink;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.flink.core.fs.UnsupportedFileSystemSchemeException;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.LocalEntry;

/**
 * Turns a location given by the user or carried inside the job (a plain path, or a URI) into an
 * {@link Entry}: a plain path or a {@code file:} URI is a {@link LocalEntry} (java.nio); any other
 * scheme ({@code s3://}, {@code hdfs://}, ...) is a {@link FlinkEntry} on the file system Flink has
 * for it, found through the file system factories on the class path and in the plugins folder, as
 * configured by {@code FileSystem.initialize}. A scheme no file system serves is refused with a
 * one-line message, never taken for a local folder named {@code s3:}.
 */
public final class Locations {
    /**
     * {@code scheme:/} at the start ({@code s3://bucket}, also {@code hdfs:/path}, the form Flink's
     * {@code Path} prints for an empty authority), the scheme spelled as RFC 3986 spells it and at
     * least two characters long, or {@code file:}; a Windows drive letter ({@code C:\x}, {@code
     * c:/x}) is not one, and neither is a local name holding a colon ({@code run-10:30}, {@code
     * report-2026-12-07T09:43}): before 2026-12-07 such a name was refused as a URI of the scheme
     * {@code run-10}.
     */
    private static final Pattern SCHEME = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]+:/|[Ff][Ii][Ll][Ee]:).*");

    private Locations() {}

    /** A location that names nothing this run can use; the message is one line, without the location. */
    public static final class UnusableLocationException extends IOException {
        private static final long serialVersionUID = 1L;

        UnusableLocationException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The URI scheme of {@code location} in lower case; empty for a plain path. */
    public static Optional<String> scheme(String location) {
        return SCHEME.matcher(location).matches()
                ? Optional.of(location.substring(0, location.indexOf(':')).toLowerCase(Locale.ROOT))
                : Optional.empty();
    }

    /**
     * The entry at {@code location}.
     *
     * @throws UnusableLocationException when it is no usable URI, or no file system serves its scheme
     */
    public static Entry of(String location) throws UnusableLocationException {
        Optional<String> scheme = scheme(location);
        if (scheme.isEmpty()) {
            try {
                return LocalEntry.of(Path.of(location));
            } catch (IllegalArgumentException e) {
                throw new UnusableLocationException("not a usable path (" + e.getMessage() + ")", e);
            }
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            throw new UnusableLocationException("not a usable " + scheme.get() + ":// URI (" + e.getReason() + ")", e);
        }
        if (scheme.get().equals("file")) {
            try {
                // file://localhost/x names the local /x (RFC 8089 2); Path.of refuses any authority
                URI local = "localhost".equalsIgnoreCase(uri.getAuthority())
                        ? new URI("file", null, uri.getPath(), null)
                        : uri;
                return LocalEntry.of(Path.of(local));
            } catch (IllegalArgumentException | URISyntaxException e) {
                throw new UnusableLocationException(
                        "not a usable file:// URI (" + e.getMessage() + "; a local name that begins with file: is"
                                + " written ./" + location + ")",
                        e);
            }
        }
        try {
            return FlinkEntry.of(uri);
        } catch (UnsupportedFileSystemSchemeException e) {
            // Flink's own message spans lines and lists plugins; this one says what to do
            String plugin = scheme.get().startsWith("s3")
                    ? "Flink's flink-s3-fs-hadoop jar into plugins/s3-fs-hadoop/"
                    : "Flink's file system plugin for it into its own folder under plugins/";
            throw new UnusableLocationException(
                    "no file system for the " + scheme.get() + ":// scheme is available (put " + plugin
                            + "; see the README, 'Where input and output may live')",
                    e);
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new UnusableLocationException(
                    "the " + scheme.get() + ":// file system cannot be opened ("
                            + e.getClass().getSimpleName() + firstLine(e.getMessage()) + ")",
                    e);
        }
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        int nl = message.indexOf('\n');
        return ": " + (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
