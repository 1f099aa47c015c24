package org.sessionreview.ingest.e4;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.sessionreview.model.Channel;
import org.sessionreview.model.Reject;

/**
 * Reads one wearer's Empatica E4 export folder: {@code EDA.csv BVP.csv ACC.csv TEMP.csv HR.csv
 * IBI.csv}, each optionally gzip-compressed ({@code EDA.csv.gz}). Layout and checks: see {@link
 * E4CsvParser}.
 *
 * <p>Nothing is fatal: a missing file leaves its channel missing ({@link
 * E4Recording#missingChannels()}), a bad header rejects that file only, a bad line rejects that
 * line only. When both {@code X.csv} and {@code X.csv.gz} exist the plain file is read.
 */
public final class E4Reader {
    private static final int BUFFER_CHARS = 1 << 16;

    private E4Reader() {}

    /**
     * Reads a folder; rejects name their file as {@code <folder>/<file name>}.
     *
     * @see #read(Path, String, String)
     */
    public static E4Recording read(Path folder, String sessionId) throws IOException {
        return read(folder, sessionId, folder.toString());
    }

    /**
     * Reads every channel file found in {@code folder}.
     *
     * @param folder the export folder of one wearer
     * @param sessionId carried into each {@link Reject} and the recording
     * @param sourceName how the folder is named in {@link Reject#sourceFile} (e.g. relative to
     *     the sessions root); the file name is appended after a {@code /}
     * @throws IOException only when {@code folder} is not a readable directory
     */
    public static E4Recording read(Path folder, String sessionId, String sourceName)
            throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("not an E4 export folder: " + folder);
        }
        Map<Channel, E4Channel> channels = new EnumMap<>(Channel.class);
        Map<Channel, E4FileReport> reports = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            Path file = locate(folder, channel);
            if (file == null) {
                continue;
            }
            String sourceFile = sourceName + "/" + file.getFileName();
            E4CsvParser.Result result = readFile(channel, file, sessionId, sourceFile);
            reports.put(channel, result.report());
            if (result.data() != null) {
                channels.put(channel, result.data());
            }
        }
        return new E4Recording(sessionId, channels, reports);
    }

    /** The channel's file in {@code folder} ({@code .csv} before {@code .csv.gz}), or null. */
    public static Path locate(Path folder, Channel channel) {
        Path plain = folder.resolve(channel.fileName());
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = folder.resolve(channel.fileName() + ".gz");
        return Files.isRegularFile(gz) ? gz : null;
    }

    /** Reads one channel file (gzip when its name ends in {@code .gz}); never throws. */
    public static E4CsvParser.Result readFile(
            Channel channel, Path file, String sessionId, String sourceFile) {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader reader = new BufferedReader(
                        new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER_CHARS)) {
            E4CsvParser.Result result = E4CsvParser.parse(channel, reader, sessionId, sourceFile);
            return new E4CsvParser.Result(result.data(), result.report().withPath(file));
        } catch (IOException e) {
            Reject r = new Reject(sessionId, sourceFile, 0, "cannot open: " + e, null);
            return new E4CsvParser.Result(null, new E4FileReport(channel, file, sourceFile, 0, 0, true, List.of(r)));
        }
    }
}
