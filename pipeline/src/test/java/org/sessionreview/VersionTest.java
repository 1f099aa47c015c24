package org.sessionreview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void projectAndFlinkVersionsAreFilledIn() {
        assertTrue(Version.project().matches("\\d+\\.\\d+\\.\\d+.*"), Version.project());
        assertTrue(Version.flink().startsWith("2."), Version.flink());
    }

    /**
     * The build's commit is a commit of the tree the test runs in: HEAD, or an ancestor of it when
     * something was committed between the build and the test.
     */
    @Test
    void commitIsTheCheckedOutCommit() throws Exception {
        String head = git("rev-parse", "HEAD");
        assumeTrue(head != null && head.matches("[0-9a-f]{40}"), "not a git checkout");
        assumeTrue(
                !Files.isRegularFile(Path.of("..", ".git")),
                "a linked worktree: git-commit-id-maven-plugin reads the main checkout's HEAD there"
                        + " (git-commit-id/git-commit-id-maven-plugin#882)");
        String commit = Version.commit();
        String id = commit.replace("+changes", "");
        // seven hex digits, or more where seven would name two objects of the repository: git
        // lengthens an abbreviation until it is unique (28a56c9b, 2026-12-07: CI failed on "7")
        assertTrue(id.matches("[0-9a-f]{7,40}"), commit);
        String full = git("rev-parse", "--verify", id + "^{commit}");
        assertTrue(full != null && full.startsWith(id), commit + " is no commit of this repository");
        assertTrue(
                head.equals(full) || git("merge-base", "--is-ancestor", full, head) != null,
                commit + " is neither HEAD " + head + " nor an ancestor of it");
    }

    @Test
    void unfilteredOrMissingCommitReadsUnknown() {
        Properties unfiltered = new Properties();
        unfiltered.setProperty("commit", "${git.commit.id.abbrev}");
        unfiltered.setProperty("dirty", "${git.dirty}");
        assertEquals("unknown", Version.commit(unfiltered));
        assertEquals("unknown", Version.commit(new Properties()));
    }

    @Test
    void uncommittedChangesAreMarked() {
        Properties p = new Properties();
        p.setProperty("commit", "abc1234");
        p.setProperty("dirty", "true");
        assertEquals("abc1234+changes", Version.commit(p));
        p.setProperty("dirty", "false");
        assertEquals("abc1234", Version.commit(p));
    }

    private static String git(String... args) throws InterruptedException {
        if (!Files.exists(Path.of("..", ".git")) && !Files.exists(Path.of(".git"))) {
            return null;
        }
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        }
    }
}
