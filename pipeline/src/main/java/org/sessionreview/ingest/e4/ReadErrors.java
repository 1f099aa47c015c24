package org.sessionreview.ingest.e4;

import java.io.EOFException;
import java.io.IOException;
import java.util.zip.ZipException;

/** The reasons of a channel file whose reading stopped at an I/O error, and how to tell them. */
final class ReadErrors {
    private static final String GZIP_DAMAGED = "gzip data truncated or corrupt at line ";
    private static final String CANNOT_READ = "cannot read the file at line ";

    private ReadErrors() {}

    /** The reason for {@code e} at {@code line}: names neither the path nor the message. */
    static String reason(IOException e, boolean gzip, long line) {
        if (gzip && (e instanceof EOFException || e instanceof ZipException)) {
            return GZIP_DAMAGED + line;
        }
        return CANNOT_READ + line + " (I/O error: " + e.getClass().getSimpleName() + ")";
    }

    /** Whether {@code reason} is one of {@link #reason}'s. */
    static boolean isReadError(String reason) {
        return reason != null && (reason.startsWith(GZIP_DAMAGED) || reason.startsWith(CANNOT_READ));
    }
}
