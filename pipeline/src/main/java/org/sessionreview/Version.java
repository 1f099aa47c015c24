package org.sessionreview;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The project version, the Flink version it was built against and the git commit it was built from
 * (from Maven, at build time; the commit by git-commit-id-maven-plugin).
 */
public final class Version {
    private static final Properties PROPS = load();

    private Version() {}

    public static String project() {
        return PROPS.getProperty("version", "unknown");
    }

    public static String flink() {
        return PROPS.getProperty("flink.version", "unknown");
    }

    /**
     * The abbreviated git commit the build came from, with "+changes" when the working tree had
     * uncommitted changes, or "unknown" (a source tree without git).
     */
    public static String commit() {
        return commit(PROPS);
    }

    static String commit(Properties props) {
        String id = props.getProperty("commit", "");
        if (id.isEmpty() || id.startsWith("${")) {
            return "unknown"; // not filtered: no git repository at build time
        }
        return "true".equals(props.getProperty("dirty")) ? id + "+changes" : id;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // leave unknown
        }
        return p;
    }
}
