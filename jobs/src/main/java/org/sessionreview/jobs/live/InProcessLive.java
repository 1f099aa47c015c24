package org.sessionreview.jobs.live;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.core.execution.JobClient;

/**
 * The {@code live} command run on a thread of this JVM (embedded MiniCluster), for measuring it:
 * started, awaited until it has completed its first checkpoint (so every task runs and input is
 * read at once), and cancelled.
 */
final class InProcessLive implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final CompletableFuture<Integer> command;
    private final JobClient client;
    private final Path out;

    private InProcessLive(CompletableFuture<Integer> command, JobClient client, Path out) {
        this.command = command;
        this.client = client;
        this.out = out;
    }

    /**
     * Starts {@code live} with {@code args} (which must hold {@code --out out}) and returns once its
     * job has completed a checkpoint.
     *
     * @param err where the command's error lines go (its other output is dropped)
     * @throws IllegalStateException when the job ends or does not checkpoint within two minutes
     */
    static InProcessLive start(List<String> args, Path out, PrintStream err) throws Exception {
        AtomicReference<JobClient> job = new AtomicReference<>();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        CompletableFuture<Integer> command = CompletableFuture.supplyAsync(
                () -> new LiveCommand(quiet, err).onStart(job::set).run(args.toArray(String[]::new)));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (job.get() == null
                || LiveJob.latestCheckpoint(out.resolve(LiveJob.CHECKPOINTS)).isEmpty()) {
            if (command.isDone()) {
                throw new IllegalStateException("the live job ended before it ran (exit " + command.get() + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the live job did not complete a checkpoint within " + START_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
        return new InProcessLive(command, job.get(), out);
    }

    /** The job's {@code --out}. */
    Path out() {
        return out;
    }

    /** The job's message counts now (read = accepted + refused), from the JobManager's accumulators. */
    MessageCounts.Counts counts() throws Exception {
        return MessageCounts.Counts.of(client.getAccumulators().get(30, TimeUnit.SECONDS));
    }

    /** Cancels the job and returns the command's exit code (0 for a cancelled job). */
    int stop() throws Exception {
        try {
            client.cancel().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException alreadyEnded) {
            // the job had ended by itself: its exit code says how
        }
        return command.get(60, TimeUnit.SECONDS);
    }

    /** Cancels the job and waits for the command to return. */
    @Override
    public void close() throws Exception {
        stop();
    }
}
