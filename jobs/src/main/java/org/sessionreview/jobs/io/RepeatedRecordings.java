package org.sessionreview.jobs.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sessionreview.model.InputFileStats;

/**
 * Wearable channel files that are byte for byte the same (same SHA-256) in more than one session
 * of a run: one recording filed under several sessions, which would count its arousal, episodes
 * and synchrony once per session in the trainee and client tables. The review cannot tell which
 * session it belongs to, so it reviews each and says so in {@code run.json} ({@code
 * repeated_recordings}) and on the console. The same file for both wearers of one session is
 * rejected at ingest instead ({@code IdenticalWearerFiles}); files with no accepted record are
 * not compared.
 */
final class RepeatedRecordings {
    private RepeatedRecordings() {}

    /** The groups of two or more accepted wearable files with one SHA-256 across sessions, by hash, paths sorted. */
    static List<List<InputFileStats>> find(List<InputFileStats> files) {
        Map<String, List<InputFileStats>> byHash = new TreeMap<>();
        for (InputFileStats f : files) {
            if (f.kind != null
                    && f.kind.startsWith("wearable:")
                    && f.sha256 != null
                    && f.recordsAccepted > 0
                    && f.sessionId != null) {
                byHash.computeIfAbsent(f.sha256, k -> new ArrayList<>()).add(f);
            }
        }
        List<List<InputFileStats>> out = new ArrayList<>();
        for (List<InputFileStats> group : byHash.values()) {
            if (group.stream().map(f -> f.sessionId).distinct().count() > 1) {
                group.sort(Comparator.comparing((InputFileStats f) -> f.path));
                out.add(group);
            }
        }
        return out;
    }
}
