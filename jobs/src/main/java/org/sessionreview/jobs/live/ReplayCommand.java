package org.sessionreview.jobs.live;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.sessionreview.ingest.IngestedSession;
import org.sessionreview.ingest.SessionIngestor;
import org.sessionreview.ingest.SessionScanner;
import org.sessionreview.jobs.cli.UsageException;
import org.sessionreview.model.Reject;

/**
 * The {@code replay} command: publishes recorded session folders to Kafka as live sessions.
 * Parses the options, reads each session once ({@link SessionIngestor}), and sends the merged
 * {@link ReplaySchedule} of all sessions and copies through a {@link KafkaPublisher}, paced by a
 * {@link Pacer}.
 *
 * <p>Exit codes: 0 done, 1 Kafka unreachable or a message not delivered (or no session readable),
 * 2 unusable arguments.
 */
public final class ReplayCommand {
    private static final String NAME = "session-review replay: ";
    /** Wall time between progress lines, ns. */
    private static final long PROGRESS_NANOS = 30_000_000_000L;

    private final PrintStream out;
    private final PrintStream err;

    public ReplayCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the command.
     *
     * @param args the arguments after {@code replay}
     * @param env the environment (for {@code SESSION_REVIEW_PSEUDONYM_KEY})
     * @return the exit code
     */
    public int run(String[] args, Function<String, String> env) {
        if (Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"))) {
            out.println(ReplayOptions.USAGE);
            return 0;
        }
        ReplayOptions options;
        List<String> folders;
        try {
            options = ReplayOptions.parse(args, env);
            folders = scan(options, err);
        } catch (UsageException e) {
            err.println(NAME + e.getMessage());
            return 2;
        }
        try (KafkaPublisher publisher = KafkaPublisher.open(options.bootstrap(), options.topic())) {
            List<RecordedSession> sessions = read(options, folders, err);
            if (sessions.isEmpty()) {
                err.println(NAME + "no session under " + options.sessions() + " could be read; nothing was sent");
                return 1;
            }
            List<SessionReplay> replays = new ArrayList<>();
            for (RecordedSession s : sessions) {
                for (int copy = 1; copy <= options.copies(); copy++) {
                    replays.add(s.replay(copy));
                }
            }
            Replayer.Totals totals = Replayer.run(
                    new ReplaySchedule(replays), new Pacer(options.speed(), Pacer.SYSTEM), publisher, progress());
            summary(options, sessions.size(), totals);
            return 0;
        } catch (Replayer.PublishException e) {
            err.println(NAME + e.getMessage());
            return 1;
        } catch (IllegalStateException e) { // a session's blocks break an assumption of the message cutting
            err.println(NAME + "stopped: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(NAME + "interrupted");
            return 1;
        }
    }

    /**
     * The session folders under {@code --sessions}; every folder the scan rejects (a duplicate
     * session_id, a tree without a session, a link) is named on {@code err}, as {@code review}
     * lists it in {@code rejects/} (review of 2026-12-07: replay dropped them without a word).
     */
    static List<String> scan(ReplayOptions options, PrintStream err) throws UsageException {
        try {
            Optional<String> problem = SessionScanner.rootProblem(options.sessions());
            if (problem.isPresent()) {
                throw new UsageException(problem.get());
            }
            SessionScanner.Scan scan = SessionScanner.scan(options.sessions());
            for (org.sessionreview.model.Reject r : scan.rejects()) {
                err.println(NAME + r.sourceFile + ": " + r.reason + " (not sent)");
            }
            return scan.folders();
        } catch (IOException e) {
            throw new UsageException("sessions root " + options.sessions() + " cannot be listed ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Reads every session folder; one whose session.json is unusable is left out with a warning on
     * {@code err}, and every record or file rejected in the others is named there (file, line, reason).
     */
    static List<RecordedSession> read(ReplayOptions options, List<String> folders, PrintStream err) {
        SessionIngestor ingestor = new SessionIngestor(
                options.config(),
                options.pseudonymizer(),
                options.codebookJson().orElse(null));
        long blockMillis = options.config().features().blockMillis();
        List<RecordedSession> sessions = new ArrayList<>();
        for (String folder : folders) {
            IngestedSession s = ingestor.ingest(options.sessions(), folder);
            if (s.info == null) {
                err.println(NAME + folder + ": left out: "
                        + s.rejects.stream().findFirst().map(r -> r.reason).orElse("unreadable"));
                continue;
            }
            if (!s.rejects.isEmpty()) {
                // every one named: the live job never sees them, so its rejects/ cannot list them
                err.println(
                        NAME + folder + ": " + s.rejects.size() + " record(s) or file(s) rejected, sent without them:");
                for (Reject r : s.rejects) {
                    err.println(NAME + "  " + r.sourceFile + (r.line > 0 ? " line " + r.line : "") + ": " + r.reason);
                }
            }
            sessions.add(RecordedSession.of(s, blockMillis));
        }
        return sessions;
    }

    private Replayer.Progress progress() {
        long[] next = {PROGRESS_NANOS};
        return (offsetMillis, soFar) -> {
            if (soFar.elapsedNanos() >= next[0]) {
                next[0] += PROGRESS_NANOS;
                out.printf(
                        Locale.ROOT,
                        "%s%.0f s: %d messages sent, session time %d:%02d%n",
                        NAME,
                        soFar.elapsedNanos() / 1e9,
                        soFar.messages(),
                        offsetMillis / 60_000,
                        offsetMillis / 1000 % 60);
            }
        };
    }

    private void summary(ReplayOptions options, int sessions, Replayer.Totals t) {
        out.printf(
                Locale.ROOT,
                "%s%d session(s) x %d cop%s to %s on %s: %d messages (%d samples, %d events, %d sessions ended)"
                        + " in %.1f s wall time, %.0f messages/s%n",
                NAME,
                sessions,
                options.copies(),
                options.copies() == 1 ? "y" : "ies",
                options.topic(),
                options.bootstrap(),
                t.messages(),
                t.samples(),
                t.events(),
                t.sessions(),
                t.elapsedNanos() / 1e9,
                t.messagesPerSecond());
    }
}
