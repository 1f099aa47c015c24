package org.sessionreview.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.sessionreview.ingest.e4.E4FileReport;
import org.sessionreview.ingest.e4.E4Limits;
import org.sessionreview.ingest.e4.E4Parts;
import org.sessionreview.ingest.e4.E4Reader;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.ingest.e4.E4ZipReader;
import org.sessionreview.model.Channel;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;
import org.sessionreview.model.Role;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.storage.Entry;

/**
 * Reads the wearers {@code session.json} lists ({@code wearables}): each part of each wearer's
 * recording (a folder or an E4 zip; one part in the string form) is read on its own and every
 * file found is accounted for in the session's files; then a channel file that is the same in
 * both wearers' parts is left out ({@link IdenticalWearerFiles}); then each wearer's parts are
 * joined in time order ({@link E4Parts#merge}), and a file the join leaves out (another rate, an
 * overlap, a gap past the duration cap) is rejected as a whole. A part that cannot be read (not
 * found, not a folder nor a zip, leading out of the session folder, unreadable) is one reject row
 * of its own; the wearer's other parts are still read. A wearer none of whose parts could be read
 * has every channel missing, as before.
 */
final class Wearers {
    private Wearers() {}

    /**
     * Reads every wearer of {@code wearables} into {@code out} (files, rejects, missing channels of
     * unreadable wearers).
     *
     * @param wearables role -> its parts, in {@code session.json} order
     * @param maxDurationHours the duration cap ({@code ingest.e4_max_duration_h}), hours
     * @param ranges each channel's plausible samples ({@code ingest.e4_*})
     * @return the recording of each wearer with at least one part read
     */
    static Map<Role, E4Recording> read(
            IngestedSession out,
            SessionInfo info,
            Entry dir,
            String folder,
            Map<Role, List<String>> wearables,
            double maxDurationHours,
            org.sessionreview.ingest.e4.E4SampleRanges ranges) {
        E4Limits limits = E4Limits.around(info.mediaStartMillis)
                .withMaxDurationHours(maxDurationHours)
                .withSampleRanges(ranges);
        Map<Role, List<E4Recording>> parts = new EnumMap<>(Role.class);
        Map<Role, List<Map<Channel, InputFileStats>>> readFiles = new EnumMap<>(Role.class);
        Map<E4FileReport, InputFileStats> stats = new IdentityHashMap<>();
        for (Map.Entry<Role, List<String>> w : wearables.entrySet()) {
            Role role = w.getKey();
            List<String> names = w.getValue();
            List<E4Recording> read = new ArrayList<>();
            List<Map<Channel, InputFileStats>> files = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String label = names.size() == 1 ? "" : " (part " + (i + 1) + " of " + names.size() + ")";
                E4Recording rec = readPart(out, info, dir, folder, role, names.get(i), label, limits);
                if (rec != null) {
                    read.add(rec);
                    files.add(account(out, info, role, rec, stats));
                }
            }
            if (read.isEmpty()) {
                for (Channel c : Channel.values()) {
                    info.missingChannels.add(role.id() + ":" + c.name());
                }
            } else {
                parts.put(role, read);
                readFiles.put(role, files);
            }
        }
        IdenticalWearerFiles.leaveOut(out, parts, readFiles);
        Map<Role, E4Recording> recordings = new EnumMap<>(Role.class);
        for (Map.Entry<Role, List<E4Recording>> w : parts.entrySet()) {
            E4Parts.Merged merged = E4Parts.merge(info.sessionId, w.getValue(), limits);
            for (E4Parts.Rejection r : merged.rejections()) {
                InputFileStats f = stats.get(r.file());
                SessionIngestor.rejectFile(out, f, new Reject(info.sessionId, f.path, 0, r.reason(), null));
            }
            recordings.put(w.getKey(), merged.recording());
        }
        return recordings;
    }

    /**
     * Reads one part (a folder or an E4 zip); null when it cannot be read, after one reject row
     * for it. {@code label} tells the part among several (empty for a single one).
     */
    private static E4Recording readPart(
            IngestedSession out,
            SessionInfo info,
            Entry dir,
            String folder,
            Role role,
            String wearerFolder,
            String label,
            E4Limits limits) {
        Entry wdir = SessionPaths.resolve(dir, wearerFolder);
        String source =
                folder + "/" + wearerFolder; // a plain name: the manifest parser refused '..' and absolute paths
        boolean zip = wdir != null && wdir.isRegularFile() && E4ZipReader.isZip(wearerFolder);
        String problem = wdir == null
                ? "wearables." + role.id() + label + " " + SessionPaths.OUTSIDE
                : !wdir.isDirectory() && !zip
                        ? "wearable folder for the " + role.id() + label
                                + (wdir.exists() ? " is not a folder (nor an E4 zip)" : " not found")
                        : null;
        if (problem == null) {
            try {
                return zip
                        ? E4ZipReader.read(wdir, info.sessionId, source, limits)
                        : E4Reader.read(wdir, info.sessionId, source, limits, dir);
            } catch (IOException | RuntimeException e) {
                problem = "wearable folder for the " + role.id() + label + " cannot be read: "
                        + (e instanceof IOException
                                ? e.getMessage()
                                : "internal error (" + e.getClass().getSimpleName() + ")");
            }
        }
        InputFileStats f = new InputFileStats(info.sessionId, source + "/", "wearable:" + role.id());
        f.recordsRead = 1;
        out.files.add(f);
        SessionIngestor.rejectFile(out, f, new Reject(info.sessionId, source + "/", 0, problem, null));
        return null;
    }

    /**
     * Accounts for every file of a part ({@code stats}: each report's stats); returns the stats of
     * the file read per channel.
     */
    private static Map<Channel, InputFileStats> account(
            IngestedSession out,
            SessionInfo info,
            Role role,
            E4Recording rec,
            Map<E4FileReport, InputFileStats> stats) {
        Map<Channel, InputFileStats> readFiles = new EnumMap<>(Channel.class);
        for (E4FileReport rep : rec.reports()) {
            InputFileStats f = new InputFileStats(
                    info.sessionId,
                    rep.sourceFile(),
                    "wearable:" + role.id() + ":" + rep.channel().name());
            if (rep.identity() != null) { // taken while the parser read the file
                f.sizeBytes = rep.identity().sizeBytes();
                f.sha256 = rep.identity().sha256();
            } else {
                InputHashes.identify(f, rep.path());
            }
            f.recordsRead = rep.recordsRead();
            f.recordsRejected = rep.recordsRejected();
            f.recordsAccepted = rep.recordsAccepted();
            if (!rep.rejects().isEmpty()) {
                f.firstReject = rep.rejects().get(0).located();
            }
            out.files.add(f);
            out.rejects.addAll(rep.rejects());
            stats.put(rep, f);
            if (rec.files().get(rep.channel()) == rep) {
                readFiles.put(rep.channel(), f);
            }
        }
        return readFiles;
    }
}
