package org.sessionreview.jobs.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names of the pages of one folder of a report, made from ids (session ids, therapist ids or
 * client keys; {@link PageNames} holds one per folder). Ids come from session.json and may hold
 * anything; a page's name must stay inside its folder and be a plain link. An id of letters,
 * digits, {@code . _ -} (not starting with a dot, at most 100 characters) is used as it is; any
 * other id becomes its safe characters plus an 8-hex hash of the id, so that two ids never share
 * a page. So does a plain id that another id of the same folder equals but for letter case
 * ({@code T01} and {@code t01}): on a case-insensitive file system (macOS, Windows defaults) their
 * pages would overwrite each other. And so does a plain id that equals, but for case, the hashed
 * name another id of the folder gets ({@code a_b-1f2e3d4c} beside an {@code a b} whose hash is
 * {@code 1f2e3d4c}): rare, but then one page would overwrite the other.
 */
public final class FileNames {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    /** Names for ids none of which differ from another only in case. */
    static final FileNames DISTINCT = new FileNames(Set.of());

    /** Plain ids that get a hashed name all the same (case twins, an id another's name equals). */
    private final Set<String> hashed;

    private FileNames(Set<String> hashed) {
        this.hashed = hashed;
    }

    /**
     * The names of one folder whose pages are made from {@code ids} (any order, repeats and nulls
     * allowed): exactly the ids that get a page there, as a case twin hashes its twin's name.
     */
    public static FileNames of(Collection<String> ids) {
        Map<String, String> firstSpelling = new HashMap<>();
        Set<String> hashed = new HashSet<>();
        Set<String> all = new HashSet<>();
        for (String id : ids) {
            if (id == null || !all.add(id)) {
                continue;
            }
            String folded = id.toLowerCase(Locale.ROOT);
            String earlier = firstSpelling.putIfAbsent(folded, id);
            if (earlier != null && !earlier.equals(id)) {
                hashed.add(earlier);
                hashed.add(id);
            }
        }
        // A plain id that another id's hashed name equals (but for case) is hashed too; its own
        // hashed name may again meet a plain id, so repeat until no name is shared (the set of
        // hashed ids only grows, so this ends).
        boolean grew = true;
        while (grew) {
            Set<String> hashedNames = new HashSet<>();
            for (String id : all) {
                if (hashed.contains(id) || !PLAIN.matcher(id).matches()) {
                    hashedNames.add(hashedName(id).toLowerCase(Locale.ROOT));
                }
            }
            grew = false;
            for (String id : all) {
                if (PLAIN.matcher(id).matches()
                        && !hashed.contains(id)
                        && hashedNames.contains(id.toLowerCase(Locale.ROOT))) {
                    grew |= hashed.add(id);
                }
            }
        }
        return new FileNames(Set.copyOf(hashed));
    }

    /** {@code id.html}, made safe. */
    public String page(String id) {
        return safe(id) + ".html";
    }

    String safe(String id) {
        if (PLAIN.matcher(id).matches() && !hashed.contains(id)) {
            return id;
        }
        return hashedName(id);
    }

    private static String hashedName(String id) {
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
