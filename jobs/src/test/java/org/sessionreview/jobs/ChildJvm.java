package org.sessionreview.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs {@link Main} in a child JVM on the test class path, as {@code java
 * -jar session-review.jar} runs it for a user: its {@code main} ends in {@code System.exit}.
 */
public final class ChildJvm {
    private ChildJvm() {}

    /**
     * {@code java -Xmx1g [jvmOptions] --add-opens... -cp <test class path> Main [args]}.
     *
     * @param jvmOptions options before the class path (e.g. {@code -Djava.io.tmpdir=...})
     * @param args the command and its arguments
     */
    public static List<String> main(List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of(
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName()));
        cmd.addAll(args);
        return cmd;
    }
}
