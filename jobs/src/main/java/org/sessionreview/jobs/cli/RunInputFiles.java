package org.sessionreview.jobs.cli;

import org.sessionreview.config.RunInputs;
import org.sessionreview.storage.Entry;

/**
 * The run-wide files of {@code --baselines} and {@code --codebook}, each read once: the bytes
 * parsed are the bytes whose name, size and SHA-256 run.json and the footers record ({@link
 * RunInputs}).
 */
final class RunInputFiles {
    private RunInputFiles() {}

    /** {@code file}'s bytes, read once; {@code what} names it in the message when it cannot be read. */
    static RunInputs.File read(String what, Entry file) throws UsageException {
        try {
            if (file.exists()) {
                return RunInputs.File.read(file);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // reported below, as for a file that does not exist
        }
        throw new UsageException(what + " " + file + " is not a readable file");
    }

    /**
     * The run-wide codebook's text (decoded as {@link org.sessionreview.taxonomy.Codebook} reads
     * it: UTF-8, UTF-16 after a byte-order mark, or Windows-1252), checked: a broken codebook stops
     * the run here, not per session.
     */
    static String codebookJson(Entry codebook, RunInputs.File read) throws UsageException {
        String text = org.sessionreview.storage.TextEncoding.decode(read.bytes());
        try {
            org.sessionreview.taxonomy.Codebook.parse(text, codebook.location());
            return text;
        } catch (org.sessionreview.taxonomy.CodebookException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
