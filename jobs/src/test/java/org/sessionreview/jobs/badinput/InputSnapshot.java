package org.sessionreview.jobs.badinput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Every entry under a root (not following links): file hash, link target or "dir". */
final class InputSnapshot {
    private InputSnapshot() {}

    static Map<String, String> of(Path root) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    m.put(rel, "link -> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    m.put(rel, "dir");
                } else {
                    m.put(rel, hash(p));
                }
            }
        }
        return m;
    }

    private static String hash(Path p) throws Exception {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (IOException e) {
            return "unreadable, " + Files.size(p) + " bytes, "
                    + Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** Entries added, removed or changed between two snapshots. */
    static String diff(Map<String, String> before, Map<String, String> after) {
        StringBuilder b = new StringBuilder();
        for (String k : new TreeSet<>(union(before, after))) {
            String x = before.get(k);
            String y = after.get(k);
            if (x == null) {
                b.append("added ").append(k).append('\n');
            } else if (y == null) {
                b.append("removed ").append(k).append('\n');
            } else if (!x.equals(y)) {
                b.append("changed ").append(k).append('\n');
            }
        }
        return b.toString();
    }

    private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> s = new TreeSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }
}
