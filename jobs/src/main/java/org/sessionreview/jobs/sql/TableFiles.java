package org.sessionreview.jobs.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sessionreview.parquet.TableReader;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.LocalEntry;

/**
 * A table folder's Parquet files and their footers on any file system: local files are read in
 * place ({@link TableReader}); a file on another file system ({@code s3://}) is copied to a
 * temporary local file first (only the first {@code sessions/} file, whose footer tells a research
 * export from a review: the files of a local folder are also checked one by one before the
 * statements run, those of an object store are not, since each would be downloaded whole).
 */
final class TableFiles {
    private TableFiles() {}

    /** The Parquet files of a table folder in name order, hidden files ({@code .}, {@code _}) skipped. */
    static List<Entry> files(Entry tableDir) {
        if (tableDir instanceof LocalEntry local) {
            return TableReader.files(local.path()).stream()
                    .map(p -> (Entry) LocalEntry.of(p))
                    .toList();
        }
        return org.sessionreview.storage.LocalTables.dataFiles(tableDir);
    }

    /**
     * The footer key/values of one Parquet file.
     *
     * @throws UncheckedIOException naming the file when it cannot be read or is not Parquet
     */
    static Map<String, String> footer(Entry file) {
        if (file instanceof LocalEntry local) {
            return TableReader.footer(local.path());
        }
        Path copy = null;
        try {
            copy = Files.createTempFile("session-review-sql-", ".parquet");
            Files.write(copy, file.readAllBytes());
            return TableReader.footer(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (UncheckedIOException e) { // the message names the copy: name the file instead
            throw new UncheckedIOException(e.getMessage().replace(copy.toString(), file.location()), e.getCause());
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // a temporary file; the system's clean-up takes it
                }
            }
        }
    }
}
