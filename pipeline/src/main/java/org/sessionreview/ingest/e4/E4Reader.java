package org.sessionreview.ingest.e4;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipException;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Reject;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.LocalEntry;

/**
 * Reads one wearer's Empatica E4 export folder: {@code EDA.csv BVP.csv ACC.csv TEMP.csv HR.csv
 * IBI.csv}, each optionally gzip-compressed ({@code EDA.csv.gz}). Layout and checks: see {@link
 * E4CsvParser}; limits: {@link E4Limits}; counting: {@link E4FileReport}.
 *
 * <p>Nothing about a file is fatal and nothing found is ignored silently: a missing file leaves
 * its channel missing ({@link E4Recording#missingChannels()}); a bad or implausible header, an
 * empty file, an unreadable file, a directory or broken link named like a channel file reject
 * that file only; a bad line rejects that line only. When both {@code X.csv} and {@code
 * X.csv.gz} exist the plain file is read and the gzip file gets a report saying it was ignored.
 * File names are matched ignoring case ({@code eda.csv} is the EDA file) when the exact name is
 * absent; further names differing only in case get a report saying they were ignored.
 * Each of these has a report in {@link E4Recording#reports()}. Reasons never name a path or
 * quote an exception message (which may hold one). A folder that holds no channel file but one
 * zip (the export as E4 Connect downloads it) is read from the zip ({@link E4ZipReader}); one that
 * holds neither but one folder of them (that zip unzipped in place) is read from that folder; one
 * that holds none of these is an error, as the wearer would otherwise lose its data without a
 * reject.
 */
public final class E4Reader {
    private E4Reader() {}

    /**
     * Reads a folder with {@link E4Limits#defaults()}; rejects name their file as {@code
     * <folder>/<file name>}.
     *
     * @see #read(Path, String, String, E4Limits)
     */
    public static E4Recording read(Path folder, String sessionId) throws IOException {
        return read(folder, sessionId, folder.toString());
    }

    /** Reads a folder with {@link E4Limits#defaults()} (no media start known). */
    public static E4Recording read(Path folder, String sessionId, String sourceName) throws IOException {
        return read(folder, sessionId, sourceName, E4Limits.defaults());
    }

    /**
     * Reads every channel file found in {@code folder}.
     *
     * @param folder the export folder of one wearer
     * @param sessionId carried into each {@link Reject} and the recording
     * @param sourceName how the folder is named in {@link Reject#sourceFile} (e.g. relative to
     *     the sessions root); the file name is appended after a {@code /}
     * @param limits plausibility limits, e.g. {@link E4Limits#around(long)} the media start
     * @throws IOException only when {@code folder} is not a directory or cannot be listed
     *     (permission denied, a looping or broken link); its message names neither the path nor
     *     the underlying exception's message, so a caller may put it in a reject as it is
     */
    public static E4Recording read(Path folder, String sessionId, String sourceName, E4Limits limits)
            throws IOException {
        return read(folder, sessionId, sourceName, limits, null);
    }

    /**
     * As {@link #read(Path, String, String, E4Limits)}, and a channel entry that resolves (through
     * symbolic links) to a place outside {@code confinedTo} is not read: it gets a report with one
     * reject that names nothing of the target, and a null path (so nobody hashes it either).
     *
     * @param confinedTo the folder every channel file must lie in (the session folder); null for
     *     no confinement
     */
    public static E4Recording read(Path folder, String sessionId, String sourceName, E4Limits limits, Path confinedTo)
            throws IOException {
        return read(
                LocalEntry.of(folder),
                sessionId,
                sourceName,
                limits,
                confinedTo == null ? null : LocalEntry.of(confinedTo));
    }

    /** As {@link #read(Path, String, String, E4Limits, Path)}, on any file system. */
    public static E4Recording read(Entry folder, String sessionId, String sourceName, E4Limits limits, Entry confinedTo)
            throws IOException {
        Entry realRoot = null;
        if (confinedTo != null) {
            try {
                realRoot = confinedTo.real();
            } catch (IOException | SecurityException e) {
                throw new IOException("cannot resolve the session folder (I/O error: "
                        + e.getClass().getSimpleName() + ")");
            }
        }
        if (!folder.isDirectory()) {
            throw new IOException("not an E4 export folder (not a directory, or a broken or looping link)");
        }
        Set<String> names = new HashSet<>();
        try {
            for (Entry entry : folder.list()) {
                names.add(entry.name());
            }
        } catch (IOException | SecurityException e) {
            throw new IOException("cannot list the E4 export folder (I/O error: "
                    + e.getClass().getSimpleName() + ")");
        }
        if (names.stream().noneMatch(n -> E4ZipReader.channelOf(n) != null)) {
            List<String> zips =
                    names.stream().filter(E4ZipReader::isZip).sorted().toList();
            if (zips.size() == 1 && folder.resolve(zips.get(0)).isRegularFile()) {
                Entry zip = folder.resolve(zips.get(0));
                if (realRoot != null && leadsOut(zip, realRoot)) {
                    throw new IOException("the E4 zip is a symbolic link leading out of the session folder: not read");
                }
                return E4ZipReader.read(zip, sessionId, sourceName + "/" + zips.get(0), limits);
            }
            if (zips.size() > 1) {
                throw new IOException("the folder holds " + zips.size()
                        + " zips and no channel file: name one in session.json's wearables, or, when they are"
                        + " several recordings of one person (E4 restarted), list them all as an array");
            }
            return E4InnerFolder.read(folder, names, sessionId, sourceName, limits, confinedTo, realRoot);
        }
        Map<Channel, E4Channel> channels = new EnumMap<>(Channel.class);
        Map<Channel, E4FileReport> files = new EnumMap<>(Channel.class);
        List<E4FileReport> reports = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            String plainName = actualName(names, channel.fileName());
            String gzName = actualName(names, channel.fileName() + ".gz");
            Entry plain = folder.resolve(plainName);
            Entry gz = folder.resolve(gzName);
            boolean hasPlain = names.contains(plainName);
            boolean hasGz = names.contains(gzName);
            Entry read = plain.isRegularFile() ? plain : gz.isRegularFile() ? gz : null;
            for (String other : caseVariants(names, channel.fileName(), plainName)) {
                reports.add(E4FileReport.unread(
                        channel,
                        folder.resolve(other),
                        sessionId,
                        sourceName + "/" + other,
                        "ignored: " + plainName + " is read instead (file names differing only in case)"));
            }
            for (String other : caseVariants(names, channel.fileName() + ".gz", gzName)) {
                reports.add(E4FileReport.unread(
                        channel,
                        folder.resolve(other),
                        sessionId,
                        sourceName + "/" + other,
                        "ignored: " + gzName + " is read instead (file names differing only in case)"));
            }
            boolean plainRead = plain.equals(read);
            List<Entry> toRead = new ArrayList<>(2);
            if (hasPlain) {
                toRead.add(plain); // read, or reported as not a channel file
            }
            if (hasGz && !plainRead) {
                toRead.add(gz);
            }
            for (Entry file : toRead) {
                String sourceFile = sourceName + "/" + file.name();
                if (realRoot != null && leadsOut(file, realRoot)) {
                    reports.add(E4FileReport.unread(
                            channel,
                            null,
                            sessionId,
                            sourceFile,
                            "is a symbolic link leading out of the session folder: not read"));
                    continue;
                }
                E4CsvParser.Result result = readFile(channel, file, sessionId, sourceFile, limits);
                reports.add(result.report());
                if (result.data() != null) {
                    channels.put(channel, result.data());
                }
                if (file.equals(read)) {
                    files.put(channel, result.report());
                }
            }
            if (hasGz && plainRead) {
                reports.add(E4FileReport.unread(
                        channel,
                        gz,
                        sessionId,
                        sourceName + "/" + gzName,
                        "ignored: " + plainName + " is read instead (both a plain and a gzip file exist)"));
            }
        }
        return new E4Recording(sessionId, channels, files, reports);
    }

    /** Whether an existing entry resolves outside {@code realRoot} (broken links are left to readFile). */
    static boolean leadsOut(Entry file, Entry realRoot) {
        try {
            return file.exists() && !file.real().startsWith(realRoot);
        } catch (IOException | SecurityException e) {
            return false; // readFile reports an entry it cannot open
        }
    }

    /**
     * The name under which {@code canonical} (e.g. {@code EDA.csv}) is found in {@code names}: the
     * name itself when present, else the first (in sorted order) that differs from it only in case
     * ({@code eda.csv}, {@code Eda.CSV}: what a copy through a case-insensitive file system, a
     * renaming tool or an unzip on another system leaves), else {@code canonical}.
     */
    static String actualName(Set<String> names, String canonical) {
        if (names.contains(canonical)) {
            return canonical;
        }
        return names.stream()
                .filter(n -> n.equalsIgnoreCase(canonical))
                .sorted()
                .findFirst()
                .orElse(canonical);
    }

    /** The names other than {@code chosen} that equal {@code canonical} ignoring case, sorted. */
    private static List<String> caseVariants(Set<String> names, String canonical, String chosen) {
        return names.stream()
                .filter(n -> n.equalsIgnoreCase(canonical) && !n.equals(chosen))
                .sorted()
                .toList();
    }

    /** Reads one channel file with {@link E4Limits#defaults()}; never throws. */
    public static E4CsvParser.Result readFile(Channel channel, Path file, String sessionId, String sourceFile) {
        return readFile(channel, file, sessionId, sourceFile, E4Limits.defaults());
    }

    /**
     * Reads one channel file (gzip when its first bytes say so, whatever its name: {@link
     * GzipSniff}); never throws. An entry that
     * is not a regular file (a directory, a pipe, a broken or looping link) or cannot be opened
     * gets a report with one reject and no data (see {@link E4FileReport#unread}).
     */
    public static E4CsvParser.Result readFile(
            Channel channel, Path file, String sessionId, String sourceFile, E4Limits limits) {
        return readFile(channel, LocalEntry.of(file), sessionId, sourceFile, limits);
    }

    /** As {@link #readFile(Channel, Path, String, String, E4Limits)}, on any file system. */
    public static E4CsvParser.Result readFile(
            Channel channel, Entry file, String sessionId, String sourceFile, E4Limits limits) {
        Entry.Kind kind;
        try {
            kind = file.kind();
        } catch (IOException | SecurityException e) {
            String reason = file.isSymbolicLink()
                    ? "is a broken or looping symbolic link, not a channel file"
                    : e instanceof NoSuchFileException || e instanceof FileNotFoundException
                            ? "no such file"
                            : ioReason(e);
            return unread(channel, file, sessionId, sourceFile, reason);
        }
        if (kind == Entry.Kind.DIRECTORY) {
            return unread(channel, file, sessionId, sourceFile, "is a directory, not a channel file");
        }
        if (kind != Entry.Kind.REGULAR_FILE) {
            return unread(
                    channel,
                    file,
                    sessionId,
                    sourceFile,
                    "is not a regular file (a device, pipe or socket), not a channel file");
        }
        try (HashingInputStream raw = new HashingInputStream(file.open())) {
            GzipSniff.Sniffed sniffed = GzipSniff.sniff(raw);
            boolean gzip = sniffed.kind() == GzipSniff.Kind.GZIP;
            if (!gzip && file.name().endsWith(".gz") && sniffed.kind() == GzipSniff.Kind.OTHER) {
                return unread(channel, file, sessionId, sourceFile, "not a valid gzip file");
            }
            CompleteLines lines;
            try {
                // a .gz cut short keeps every line before the cut; a corrupt one none (ReadErrors)
                lines = gzip ? new CompleteLines(new GzipMember(sniffed.content(), 1 << 16)) : null;
            } catch (ZipException | EOFException e) {
                return unread(channel, file, sessionId, sourceFile, "not a valid gzip file");
            }
            try (Reader reader =
                    SpreadsheetLocale.normalised(text(lines != null ? lines : sniffed.content()), channel)) {
                E4CsvParser.Result result =
                        E4CsvParser.parse(channel, reader, sessionId, sourceFile, limits, gzip, lines);
                result = unitsChecked(channel, result, sessionId);
                E4FileReport identified = identified(result.report(), raw); // before the close
                // after the identity: the file's last bytes are read, a gzip trailer's
                result = ReadErrors.rejectedIfCorrupt(
                        channel,
                        new E4CsvParser.Result(result.data(), identified),
                        lines,
                        raw.tail(),
                        sessionId,
                        sourceFile);
                return new E4CsvParser.Result(result.data(), result.report().withPath(file));
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return unread(channel, file, sessionId, sourceFile, ioReason(e));
        }
    }

    /**
     * The text of a channel file: UTF-8 (an ASCII export, with or without a byte-order mark, which
     * the parser skips), or UTF-16 when the file starts with a UTF-16 byte-order mark (an export
     * re-saved as "Unicode text" by a spreadsheet) or its first bytes are UTF-16 text without one
     * ({@link org.sessionreview.storage.TextEncoding#utf16WithoutBom}).
     */
    static InputStreamReader text(InputStream in) throws IOException {
        java.io.PushbackInputStream p = new java.io.PushbackInputStream(in, 64);
        byte[] head = new byte[64];
        int n = p.readNBytes(head, 0, head.length);
        if (n > 0) {
            p.unread(head, 0, n);
        }
        boolean utf16 = n >= 2
                && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                        || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF));
        java.nio.charset.Charset withoutMark =
                utf16 ? null : org.sessionreview.storage.TextEncoding.utf16WithoutBom(head, n);
        return new InputStreamReader(
                p, utf16 ? StandardCharsets.UTF_16 : withoutMark != null ? withoutMark : StandardCharsets.UTF_8);
    }

    /** The parse result, or the file rejected as a whole when its values are in another unit ({@link E4Units}). */
    static E4CsvParser.Result unitsChecked(Channel channel, E4CsvParser.Result result, String sessionId) {
        if (result.data() == null) {
            return result;
        }
        double[] values = result.data().values();
        double[] judged = result.outOfRange().length == 0 ? values : concat(values, result.outOfRange());
        String units = E4Units.problem(channel, judged);
        // the samples it rejected as out of range are explained by the unit: not listed one by one
        return units == null
                ? result
                : new E4CsvParser.Result(
                        null, result.report().rejectedAsAWhole(sessionId, units, E4SampleRanges::isRangeReason));
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * The report with the file's identity, read to its end through {@code raw}; without one when
     * that fails (as a separate read of the file would then have failed too, the caller may try).
     */
    static E4FileReport identified(E4FileReport report, HashingInputStream raw) {
        try {
            return report.withIdentity(raw.finish());
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return report;
        }
    }

    private static String ioReason(Exception e) {
        return "cannot read the file (I/O error: " + e.getClass().getSimpleName() + ")";
    }

    private static E4CsvParser.Result unread(
            Channel channel, Entry file, String sessionId, String sourceFile, String reason) {
        return new E4CsvParser.Result(null, E4FileReport.unread(channel, file, sessionId, sourceFile, reason));
    }
}
