package org.sessionreview;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project version and the Flink version it was built against (from Maven, at build time). */
public final class Version {
    private static final Properties PROPS = load();

    private Version() {}

    public static String project() {
        return PROPS.getProperty("version", "unknown");
    }

    public static String flink() {
        return PROPS.getProperty("flink.version", "unknown");
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
