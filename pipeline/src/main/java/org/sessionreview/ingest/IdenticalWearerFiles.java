package org.sessionreview.ingest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
 * a recording). With a wearer's recording in several parts, only the parts holding the identical
 * file lose the channel.
 */
final class IdenticalWearerFiles {
    private IdenticalWearerFiles() {}

    /**
     * Finds channel files read for both wearers that are identical, rejects both in {@code out}
     * and replaces each part holding one in {@code parts} by one without that channel. A wearer's
     * recording may come in several parts ({@code wearables} listing them): every client part is
     * compared with every therapist part; only the parts holding the identical file lose the
     * channel, the wearers' other parts of it are still read.
     *
     * @param parts each wearer's parts (those that could be read), in list order; replaced in place
     * @param readFiles per wearer and part, the stats of the file read per channel (size and
     *     SHA-256 set)
     * @return the channels of which some file was left out
     */
    static Set<Channel> leaveOut(
            IngestedSession out,
            Map<Role, List<E4Recording>> parts,
            Map<Role, List<Map<Channel, InputFileStats>>> readFiles) {
        Set<Channel> same = EnumSet.noneOf(Channel.class);
        List<E4Recording> client = parts.get(Role.CLIENT);
        List<E4Recording> therapist = parts.get(Role.THERAPIST);
        if (client == null || therapist == null) {
            return same;
        }
        for (Channel c : Channel.values()) {
            Set<InputFileStats> rejected = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            List<int[]> pairs = new ArrayList<>();
            for (int i = 0; i < client.size(); i++) {
                for (int j = 0; j < therapist.size(); j++) {
                    InputFileStats a = readFiles.get(Role.CLIENT).get(i).get(c);
                    InputFileStats b = readFiles.get(Role.THERAPIST).get(j).get(c);
                    if (a != null
                            && b != null
                            && a.sha256 != null
                            && a.sha256.equals(b.sha256)
                            && client.get(i).channel(c).isPresent()
                            && therapist.get(j).channel(c).isPresent()) {
                        pairs.add(new int[] {i, j});
                    }
                }
            }
            if (pairs.isEmpty()) {
                continue;
            }
            same.add(c);
            boolean othersKept = holders(client, c)
                            > pairs.stream().mapToInt(p -> p[0]).distinct().count()
                    || holders(therapist, c)
                            > pairs.stream().mapToInt(p -> p[1]).distinct().count();
            for (int[] p : pairs) {
                InputFileStats a = readFiles.get(Role.CLIENT).get(p[0]).get(c);
                InputFileStats b = readFiles.get(Role.THERAPIST).get(p[1]).get(c);
                if (rejected.add(a)) {
                    reject(out, a, b, othersKept);
                }
                if (rejected.add(b)) {
                    reject(out, b, a, othersKept);
                }
            }
            for (int[] p : pairs) {
                client.set(p[0], client.get(p[0]).without(EnumSet.of(c)));
                therapist.set(p[1], therapist.get(p[1]).without(EnumSet.of(c)));
            }
        }
        return same;
    }

    /** How many of the parts hold data for {@code c}. */
    private static long holders(List<E4Recording> parts, Channel c) {
        return parts.stream().filter(p -> p.channel(c).isPresent()).count();
    }

    private static void reject(IngestedSession out, InputFileStats file, InputFileStats copy, boolean othersKept) {
        SessionIngestor.rejectFile(
                out,
                file,
                new Reject(
                        file.sessionId,
                        file.path,
                        0,
                        "identical to " + copy.path + " (same SHA-256 " + file.sha256.substring(0, 12)
                                + "...): one device's recording filed for both the client and the therapist;"
                                + (othersKept
                                        ? " this part is left out for both"
                                        : " the channel is left out for both"),
                        null));
    }
}
