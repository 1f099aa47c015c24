package org.sessionreview.ingest.e4;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sessionreview.storage.Entry;

/** The E4 export of a wearer's folder that holds it one folder down ({@link E4Reader}). */
final class E4InnerFolder {
    private E4InnerFolder() {}

    /**
     * A folder without channel files or a zip: the export is in the one folder inside it that holds
     * channel files or a zip (an E4 Connect download unzipped into the wearer's folder: {@code
     * client/1495437000_A01234/EDA.csv}), read as that folder. Several such folders, or none, are
     * an error saying so: the wearer would otherwise have no data and no reject.
     */
    static E4Recording read(
            Entry folder,
            Set<String> names,
            String sessionId,
            String sourceName,
            E4Limits limits,
            Entry confinedTo,
            Entry realRoot)
            throws IOException {
        List<String> inner = new ArrayList<>();
        for (String name : names.stream().sorted().toList()) {
            Entry sub = folder.resolve(name);
            if (!name.startsWith(".") && !name.equals("__MACOSX") && sub.isDirectory() && holdsExport(sub)) {
                inner.add(name);
            }
        }
        if (inner.size() > 1) {
            throw new IOException("the folder holds no channel file but " + inner.size() + " folders of E4 files:"
                    + " name one in session.json's wearables, or, when they are several recordings of one person"
                    + " (E4 restarted), list them all as an array");
        }
        if (inner.isEmpty()) {
            throw new IOException("the folder holds no E4 channel file (EDA.csv, BVP.csv, ACC.csv, TEMP.csv, HR.csv,"
                    + " IBI.csv), no E4 zip and no folder of them");
        }
        Entry sub = folder.resolve(inner.get(0));
        if (realRoot != null && E4Reader.leadsOut(sub, realRoot)) {
            throw new IOException(
                    "the folder of E4 files is a symbolic link leading out of the session folder:" + " not read");
        }
        return E4Reader.read(sub, sessionId, sourceName + "/" + inner.get(0), limits, confinedTo);
    }

    /** Whether {@code dir} holds a channel file or a zip itself (so that reading it never recurses further). */
    private static boolean holdsExport(Entry dir) {
        try {
            for (Entry e : dir.list()) {
                if (E4ZipReader.channelOf(e.name()) != null || E4ZipReader.isZip(e.name())) {
                    return true;
                }
            }
        } catch (IOException | SecurityException e) {
            // an unreadable folder holds nothing to read
        }
        return false;
    }
}
