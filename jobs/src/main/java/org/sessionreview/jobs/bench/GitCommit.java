package org.sessionreview.jobs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The working folder's git commit, for the context of benchmark figures. */
public final class GitCommit {
    private GitCommit() {}

    /** {@code git describe --always} (with "+changes" when there are uncommitted changes), or "unknown". */
    public static String describe() {
        try {
            Process p = new ProcessBuilder("git", "describe", "--always", "--dirty=+changes")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? text : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
