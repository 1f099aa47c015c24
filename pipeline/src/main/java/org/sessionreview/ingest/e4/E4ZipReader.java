package org.sessionreview.ingest.e4;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.sessionreview.model.Channel;
import org.sessionreview.storage.Entry;

/**
 * Reads a wearer's E4 export as E4 Connect downloads it: one zip ({@code 1495437000_A01234.zip})
 * holding {@code EDA.csv BVP.csv ACC.csv TEMP.csv HR.csv IBI.csv} (and {@code info.txt}, {@code
 * tags.csv}, which are not read). The zip is read once, as a stream, on any file system: each
 * entry whose file name (after any folder inside the zip) is a channel file, ignoring case, is
 * parsed as {@link E4Reader#readFile} parses a file, with the same checks, counting and units
 * check; a {@code .csv.gz} entry is decompressed. Entries under {@code __MACOSX/} (the resource
 * forks a Mac adds) are skipped. When the zip holds a channel file twice, the first is read and
 * the others get a report saying they were ignored.
 *
 * <p>Each entry is accounted for as {@code <sourceName>/<entry name>}, e.g. {@code
 * s1/client/1495437000_A01234.zip/EDA.csv}, with the size and SHA-256 of its uncompressed bytes
 * (a channel file's identity whether it came zipped or not). A zip that cannot be read, or holds
 * no channel file, throws an {@link IOException} whose message names neither a path nor an
 * underlying message, as {@link E4Reader#read} does for a folder it cannot list.
 */
public final class E4ZipReader {
    private E4ZipReader() {}

    /** Whether {@code name} looks like a zip file ({@code .zip}, any case). */
    public static boolean isZip(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /**
     * Reads every channel entry of {@code zip}.
     *
     * @param sourceName how the zip is named in rejects (e.g. relative to the sessions root); each
     *     entry's name is appended after a {@code /}
     * @throws IOException when the zip cannot be read before its first channel entry, or holds none
     */
    public static E4Recording read(Entry zip, String sessionId, String sourceName, E4Limits limits) throws IOException {
        Map<Channel, E4Channel> channels = new EnumMap<>(Channel.class);
        Map<Channel, E4FileReport> files = new EnumMap<>(Channel.class);
        List<E4FileReport> reports = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(zip.open(), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Channel channel =
                        e.isDirectory() || e.getName().startsWith("__MACOSX/") ? null : channelOf(e.getName());
                if (channel == null) {
                    continue;
                }
                String sourceFile = sourceName + "/" + e.getName();
                E4FileReport first = files.get(channel);
                if (first != null) {
                    reports.add(E4FileReport.unread(
                            channel,
                            null,
                            sessionId,
                            sourceFile,
                            "ignored: " + first.sourceFile().substring(sourceName.length() + 1)
                                    + " is read instead (the zip holds the channel twice)"));
                    continue;
                }
                E4CsvParser.Result r = readEntry(channel, in, e.getName(), sessionId, sourceFile, limits);
                reports.add(r.report());
                files.put(channel, r.report());
                if (r.data() != null) {
                    channels.put(channel, r.data());
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            if (files.isEmpty()) {
                throw new IOException("cannot read the E4 zip (" + e.getClass().getSimpleName() + ")");
            }
            // entries read before the damage are kept; say where reading stopped
            Channel last = files.keySet().stream().reduce((a, b) -> b).orElseThrow();
            reports.add(E4FileReport.unread(
                    last,
                    null,
                    sessionId,
                    sourceName,
                    "the zip is damaged after " + files.get(last).sourceFile().substring(sourceName.length() + 1) + " ("
                            + e.getClass().getSimpleName() + "): later entries not read"));
        }
        if (files.isEmpty()) {
            throw new IOException("the E4 zip holds no channel file (EDA.csv, BVP.csv, ACC.csv, TEMP.csv,"
                    + " HR.csv, IBI.csv), or is not a zip file");
        }
        return new E4Recording(sessionId, channels, files, reports);
    }

    /** The channel whose file the entry is ({@code EDA.csv} or {@code EDA.csv.gz}, any case, any folder), else null. */
    static Channel channelOf(String entryName) {
        String base = entryName.substring(entryName.lastIndexOf('/') + 1);
        for (Channel c : Channel.values()) {
            if (base.equalsIgnoreCase(c.fileName()) || base.equalsIgnoreCase(c.fileName() + ".gz")) {
                return c;
            }
        }
        return null;
    }

    private static E4CsvParser.Result readEntry(
            Channel channel, ZipInputStream zip, String name, String sessionId, String sourceFile, E4Limits limits)
            throws IOException {
        boolean gzip = name.toLowerCase(Locale.ROOT).endsWith(".gz");
        HashingInputStream raw = new HashingInputStream(new FilterInputStream(zip) {
            @Override
            public void close() {
                // the zip stream stays open for the next entry
            }
        });
        InputStream text = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
        E4CsvParser.Result r = E4CsvParser.parse(channel, E4Reader.text(text), sessionId, sourceFile, limits, gzip);
        r = E4Reader.unitsChecked(channel, r, sessionId);
        return new E4CsvParser.Result(r.data(), r.report().withIdentity(raw.finish()));
    }
}
