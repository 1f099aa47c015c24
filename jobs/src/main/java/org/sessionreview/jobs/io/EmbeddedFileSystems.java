package org.sessionreview.jobs.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.configuration.ConfigConstants;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.DefaultPluginManager;
import org.apache.flink.core.plugin.DirectoryBasedPluginFinder;
import org.apache.flink.core.plugin.PluginManager;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Sets up Flink's file systems ({@link FileSystem#initialize}) for a run on the embedded
 * MiniCluster ({@code java -jar session-review.jar}), the way a Flink process does at start: with
 * the run's configuration ({@code --flink KEY=VALUE}, e.g. {@code s3.endpoint}, {@code
 * s3.access-key}) and the file system plugins in the plugins folder: {@code $FLINK_PLUGINS_DIR},
 * else {@code plugins/} in the working folder, one sub-folder per plugin (e.g. {@code
 * plugins/s3-fs-hadoop/flink-s3-fs-hadoop-2.3.0.jar}). A file system jar on the class path is
 * found too. The MiniCluster runs in the same JVM, so its tasks (reading sessions, the Parquet
 * sinks, run.json) and the command's own checks and publish see the same file systems.
 *
 * <p>Under {@code flink run} or a REST / web-UI submission nothing is done: the Flink client or
 * JobManager has already set up its file systems from the cluster's {@code config.yaml} and
 * {@code plugins/}, and re-initialising them inside a JobManager would disturb the cluster.
 */
public final class EmbeddedFileSystems {
    /** Where Flink looks for plugins unless {@value ConfigConstants#ENV_FLINK_PLUGINS_DIR} says otherwise. */
    static final String DEFAULT_PLUGINS_DIR = "plugins";

    /** System property that silences the AWS SDK v1 deprecation banner (unless set otherwise). */
    static final String AWS_SDK_V1_BANNER = "aws.java.v1.disableDeprecationAnnouncement";

    private EmbeddedFileSystems() {}

    /**
     * Initialises Flink's file systems with {@code flinkConf} when this run is embedded.
     *
     * @param env the environment (injected by tests): {@value ConfigConstants#ENV_FLINK_PLUGINS_DIR}
     * @throws IllegalArgumentException when the configuration or the plugins folder is unusable
     */
    public static void initialize(Map<String, String> flinkConf, Function<String, String> env) {
        Configuration conf = Configuration.fromMap(flinkConf);
        if (!(StreamExecutionEnvironment.getExecutionEnvironment(conf) instanceof LocalStreamEnvironment)) {
            return;
        }
        // the S3 plugin's AWS SDK v1 prints a multi-line end-of-support banner to the console otherwise
        System.setProperty(AWS_SDK_V1_BANNER, System.getProperty(AWS_SDK_V1_BANNER, "true"));
        try {
            FileSystem.initialize(conf, plugins(conf, env));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot set up Flink's file systems: " + e.getMessage(), e);
        }
    }

    /** The plugins of the plugins folder; null when there is no such folder. */
    private static PluginManager plugins(Configuration conf, Function<String, String> env) throws IOException {
        String dir = env.apply(ConfigConstants.ENV_FLINK_PLUGINS_DIR);
        Path root = Path.of(dir == null || dir.isBlank() ? DEFAULT_PLUGINS_DIR : dir);
        if (!Files.isDirectory(root)) {
            return null;
        }
        return new DefaultPluginManager(
                new DirectoryBasedPluginFinder(root).findPlugins(),
                CoreOptions.getPluginParentFirstLoaderPatterns(conf));
    }
}
