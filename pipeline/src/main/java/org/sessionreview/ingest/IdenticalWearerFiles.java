package org.sessionreview.ingest;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.model.Channel;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;
import org.sessionreview.model.Role;

/**
 * The same channel file copied into both wearers' folders. Two devices never write the same
 * bytes (start times and every sample differ), so a channel file whose SHA-256 is the same in the
 * client's and the therapist's folder is one person's recording filed twice: read as both, it
 * would make one wearer's arousal the other's and their synchrony a signal with itself. We cannot
 * tell whose it is, so both copies are rejected as whole files (one reject each, naming the other
 * copy) and the channel is missing for both; the other channels and the session are still
 * reviewed. Files rejected as a whole or without data are not compared (two empty files are not
 * a recording).
 */
final class IdenticalWearerFiles {
    private IdenticalWearerFiles() {}

    /**
     * Finds channels whose read file is identical for both wearers, rejects both files in {@code
     * out} and replaces each recording in {@code recordings} by one without those channels.
     *
     * @param recordings each wearer's recording (those that could be read)
     * @param readFiles per wearer, the stats of the file read per channel (size and SHA-256 set)
     * @return the channels left out
     */
    static Set<Channel> leaveOut(
            IngestedSession out, Map<Role, E4Recording> recordings, Map<Role, Map<Channel, InputFileStats>> readFiles) {
        Set<Channel> same = EnumSet.noneOf(Channel.class);
        E4Recording client = recordings.get(Role.CLIENT);
        E4Recording therapist = recordings.get(Role.THERAPIST);
        if (client == null || therapist == null) {
            return same;
        }
        for (Channel c : Channel.values()) {
            InputFileStats a = readFiles.get(Role.CLIENT).get(c);
            InputFileStats b = readFiles.get(Role.THERAPIST).get(c);
            if (a != null
                    && b != null
                    && a.sha256 != null
                    && a.sha256.equals(b.sha256)
                    && client.channel(c).isPresent()
                    && therapist.channel(c).isPresent()) {
                same.add(c);
                reject(out, a, b);
                reject(out, b, a);
            }
        }
        if (!same.isEmpty()) {
            recordings.put(Role.CLIENT, client.without(same));
            recordings.put(Role.THERAPIST, therapist.without(same));
        }
        return same;
    }

    private static void reject(IngestedSession out, InputFileStats file, InputFileStats copy) {
        SessionIngestor.rejectFile(
                out,
                file,
                new Reject(
                        file.sessionId,
                        file.path,
                        0,
                        "identical to " + copy.path + " (same SHA-256 " + file.sha256.substring(0, 12)
                                + "...): one device's recording filed for both the client and the therapist;"
                                + " the channel is left out for both",
                        null));
    }
}
