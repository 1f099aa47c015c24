package org.sessionreview.jobs.live;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.sessionreview.operators.LiveIngestFunction;

/**
 * The live job's message accounting as the console shows it: every {@code every} (and once more
 * when the command ends) the JobManager's accumulators {@link LiveIngestFunction#READ}, {@link
 * LiveIngestFunction#ACCEPTED} and {@link LiveIngestFunction#REFUSED} are fetched and, when they
 * changed, printed as one line: {@code messages read N = A accepted + R refused}. The counts start
 * at 0 with each start of the job (accumulators are not part of a checkpoint).
 */
final class MessageCounts implements AutoCloseable {
    /** One reading of the accumulators. */
    record Counts(long read, long accepted, long refused) {
        static Counts of(Map<String, Object> accumulators) {
            return new Counts(
                    value(accumulators, LiveIngestFunction.READ),
                    value(accumulators, LiveIngestFunction.ACCEPTED),
                    value(accumulators, LiveIngestFunction.REFUSED));
        }

        private static long value(Map<String, Object> m, String key) {
            Object v = m.get(key);
            return v instanceof Number n ? n.longValue() : 0;
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "session-review live: messages read %d = %d accepted + %d refused"
                            + " (each refused one is on the dead-letter topic and in rejects/)",
                    read,
                    accepted,
                    refused);
        }
    }

    private final JobClient client;
    private final PrintStream out;
    private final ScheduledExecutorService timer;
    private Counts last = new Counts(0, 0, 0);

    MessageCounts(JobClient client, PrintStream out, Duration every) {
        this.client = client;
        this.out = out;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "session-review-live-counts");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::poll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Fetches the counts and prints them when they changed; a job that cannot answer is skipped. */
    synchronized void poll() {
        try {
            Counts now = Counts.of(client.getAccumulators().get(10, TimeUnit.SECONDS));
            if (!now.equals(last)) {
                last = now;
                out.println(now.line());
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception notNow) {
            // the job is restarting or has ended: the next poll (or the last line) tells
        }
    }

    /** The latest counts read. */
    synchronized Counts last() {
        return last;
    }

    /** Stops polling. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
