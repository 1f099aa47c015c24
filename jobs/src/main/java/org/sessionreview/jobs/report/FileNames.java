package org.sessionreview.jobs.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * File names of the pages made from ids (session, therapist, client key). Ids come from
 * session.json and may hold anything; a page's name must stay inside its folder and be a plain
 * link. An id of letters, digits, {@code . _ -} (not starting with a dot, at most 100 characters)
 * is used as it is; any other id becomes its safe characters plus an 8-hex hash of the id, so
 * that two ids never share a page.
 */
public final class FileNames {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    private FileNames() {}

    /** {@code id.html}, made safe. */
    public static String page(String id) {
        return safe(id) + ".html";
    }

    static String safe(String id) {
        if (PLAIN.matcher(id).matches()) {
            return id;
        }
        String kept = id.replaceAll("[^A-Za-z0-9_-]", "_");
        if (kept.length() > 60) {
            kept = kept.substring(0, 60);
        }
        return kept + "-" + hash(id);
    }

    private static String hash(String id) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
