package org.sessionreview.ingest.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The path-valued fields of {@code session.json} ({@code wearables}, {@code annotations}, and
 * the rule for {@code codebook}): each a relative path inside the session folder, none named
 * twice; problems are added to the parser's list by field and index, never quoting a value.
 */
final class ManifestPaths {
    private ManifestPaths() {}

    /**
     * True for a relative path inside the session folder: not blank, no NUL, not absolute
     * ({@code /x}, {@code \\x}, a drive {@code C:}), no {@code ..} segment (either separator).
     */
    static boolean isInsideFolder(String path) {
        if (path == null || path.isBlank() || path.indexOf('\0') >= 0) {
            return false;
        }
        if (path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String segment : path.split("[/\\\\]")) {
            if (segment.trim().equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code wearables}: role -> a folder or E4 zip name, or a non-empty array of them (the parts
     * of one person's recording, a wristband restarted during the session). Each name must be
     * inside the session folder, and no folder or zip may be named twice, within a role or across
     * roles (the messages name the field and the index, never the value).
     */
    static Map<org.sessionreview.model.Role, List<String>> wearables(JsonNode root, List<String> errors) {
        Map<org.sessionreview.model.Role, List<String>> out = new EnumMap<>(org.sessionreview.model.Role.class);
        JsonNode w = root.get("wearables");
        if (w == null || w.isNull()) {
            errors.add("missing required field 'wearables'");
            return out;
        }
        if (!w.isObject()) {
            errors.add("'wearables' must be an object mapping role (client, therapist) to a folder");
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            var role = org.sessionreview.model.Role.parse(e.getKey());
            JsonNode v = e.getValue();
            if (role.isEmpty()) {
                errors.add("wearables has an unknown role (expected client or therapist)");
                continue;
            }
            String field = "wearables." + role.get().id();
            if (out.containsKey(role.get())) {
                // "client" and "Client": which folder is meant is unknown
                errors.add("wearables names the " + role.get().id() + " twice (keys differing only in case or"
                        + " spaces): which folder is meant is unknown");
                continue;
            }
            if (v.isArray()) {
                List<String> parts = parts(field, v, errors);
                if (parts != null) {
                    out.put(role.get(), parts);
                }
            } else if (!v.isTextual() || !isInsideFolder(v.asText())) {
                errors.add(field + " must be a folder name inside the session folder (no '..', no absolute path)"
                        + (v.isTextual() ? "" : ", or a list of the parts of one recording"));
            } else {
                out.put(role.get(), List.of(v.asText()));
            }
        }
        List<String> all = new ArrayList<>();
        out.values().forEach(all::addAll);
        if (namesAFolderTwice(all)) { // each role's own parts are distinct by now
            // one device's data would be read as both people's: synchrony with itself, the
            // therapist's arousal as the client's; the folder name is not quoted (it may be a name)
            errors.add("wearables.client and wearables.therapist name the same folder: each person's data must"
                    + " come from their own device");
        }
        return out;
    }

    /** The parts of one wearer's recording ({@code field} a non-empty array); null when unusable. */
    private static List<String> parts(String field, JsonNode array, List<String> errors) {
        if (array.isEmpty()) {
            errors.add(field + " is an empty list: name the wearer's folder or E4 zip (or the parts of one"
                    + " recording, in a list)");
            return null;
        }
        List<String> parts = new ArrayList<>();
        int i = 0;
        for (JsonNode n : array) {
            if (!n.isTextual() || !isInsideFolder(n.asText())) {
                errors.add(field + "[" + i + "] must be a folder or E4 zip name inside the session folder"
                        + " (no '..', no absolute path)");
            } else {
                parts.add(n.asText());
            }
            i++;
        }
        if (parts.size() < array.size()) {
            return null;
        }
        if (namesAFolderTwice(parts)) {
            errors.add(field + " names the same folder or zip twice: each part of a recording is read once");
            return null;
        }
        return List.copyOf(parts);
    }

    /** Whether two of the folder names lead to the same folder ({@code e4}, {@code ./e4/}). */
    private static boolean namesAFolderTwice(java.util.Collection<String> folders) {
        java.util.Set<java.nio.file.Path> seen = new java.util.HashSet<>();
        for (String f : folders) {
            if (!seen.add(java.nio.file.Path.of(f.replace('\\', '/')).normalize())) {
                return true;
            }
        }
        return false;
    }

    static List<String> annotations(JsonNode root, List<String> errors) {
        List<String> out = new ArrayList<>();
        JsonNode a = root.get("annotations");
        if (a == null || a.isNull()) {
            errors.add("missing required field 'annotations' (use [] when there are none)");
            return out;
        }
        if (!a.isArray()) {
            errors.add("'annotations' must be an array of file names");
            return out;
        }
        int i = 0;
        for (JsonNode n : a) {
            if (!n.isTextual() || !isInsideFolder(n.asText())) {
                errors.add("annotations[" + i + "] must be a file name inside the session folder"
                        + " (no '..', no absolute path)");
            } else {
                // a file named twice is read once: the ingest rejects its second listing
                out.add(n.asText());
            }
            i++;
        }
        return out;
    }
}
