package org.sessionreview.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.client.deployment.executors.RemoteExecutor;
import org.apache.flink.client.program.StreamContextEnvironment;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.DefaultExecutorServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flink run -d -Dsession-review.jar-in-cluster-lib=true} to a session cluster that does not
 * take the job (its lib/ lacks session-review-flink.jar: "Failed to deserialize ExecutionPlan",
 * answered here by a stand-in REST endpoint as the cluster answers): the job was never submitted,
 * and the console says so and what the setting needs, in one line, exit 1, nothing created. Before
 * (twenty-third audit) it said "the job failed: [...RestHandlerException: Failed to deserialize
 * ExecutionPlan." followed by the cluster's stack trace inside the message and the client's own.
 * Any other failure (no cluster at all) is the failure it is, without that advice (review).
 */
class DetachedSubmitRefusedTest {
    @TempDir
    Path tmp;

    @Test
    void shouldSayTheJobWasNotSubmittedAndWhatTheSettingNeeds() throws Exception {
        // as a session cluster answers a job it cannot load (RestClusterClient reads "errors")
        com.sun.net.httpserver.HttpServer cluster =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("localhost", 0), 0);
        cluster.createContext("/", x -> {
            x.getRequestBody().readAllBytes();
            byte[] body = ("{\"errors\":[\"org.apache.flink.runtime.rest.handler.RestHandlerException: Failed to"
                            + " deserialize ExecutionPlan.\\n\\tat org.apache.flink.runtime.rest.handler.job"
                            + ".JobSubmitHandler.loadExecutionPlan(JobSubmitHandler.java:1)\\n\"]}")
                    .getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(500, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        cluster.start();
        Path out = tmp.resolve("out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            code = detachedReview(cluster.getAddress().getPort(), out, err);
        } finally {
            cluster.stop(0);
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, message);
        assertTrue(message.startsWith("session-review review: the job was not submitted ("), message);
        assertTrue(message.contains("Failed to deserialize ExecutionPlan."), message);
        assertTrue(
                message.contains("session-review-flink.jar in lib/ of the JobManager and every TaskManager"), message);
        assertEquals(1, message.strip().lines().count(), "one line, no stack trace: " + message);
        assertFalse(Files.exists(out), "nothing created");
    }

    @Test
    void shouldReportAnotherFailureAsItIsWithoutTheLibAdvice() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // review of 2026-12-07 night: a refused connection read "the job was not submitted (Connection
        // refused ...); ... needs session-review-flink.jar in lib/"
        int code = detachedReview(port, tmp.resolve("out"), err);
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, message);
        assertTrue(message.startsWith("session-review review: the job failed"), message);
        assertFalse(message.contains("not submitted"), message);
        assertFalse(message.contains("in lib/ of the JobManager"), message);
    }

    /** Runs {@code review} as {@code flink run -d -Dsession-review.jar-in-cluster-lib=true} to {@code port}. */
    private static int detachedReview(int port, Path out, ByteArrayOutputStream err) throws Exception {
        // what flink run -d -Dsession-review.jar-in-cluster-lib=true sets up before main() runs
        Configuration conf = new Configuration();
        conf.set(DeploymentOptions.TARGET, RemoteExecutor.NAME);
        conf.set(DeploymentOptions.ATTACHED, false);
        conf.set(RestOptions.ADDRESS, "localhost");
        conf.set(RestOptions.PORT, port);
        conf.set(RestOptions.RETRY_MAX_ATTEMPTS, 0);
        conf.setString("session-review.jar-in-cluster-lib", "true");
        StreamContextEnvironment.setAsContext(
                new DefaultExecutorServiceLoader(),
                conf,
                DetachedSubmitRefusedTest.class.getClassLoader(),
                Integer.MAX_VALUE,
                Integer.MAX_VALUE,
                false,
                null,
                null,
                List.of());
        try {
            return new ReviewCommand(System.out, new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(
                            new String[] {
                                "--sessions", Paths.sampleData().toString(), "--out", out.toString(), "--allow-demo-key"
                            },
                            Map.<String, String>of()::get);
        } finally {
            StreamContextEnvironment.unsetAsContext();
        }
    }
}
