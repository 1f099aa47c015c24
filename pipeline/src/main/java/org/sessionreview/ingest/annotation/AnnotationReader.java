package org.sessionreview.ingest.annotation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.ingest.e4.CompleteLines;
import org.sessionreview.ingest.e4.GzipMember;
import org.sessionreview.model.Reject;

/**
 * The single entry point for annotation files: reads a file (transparently gunzipping it),
 * detects its format ({@link AnnotationFormat#detect}) and parses it into {@link RawAnnotation}s.
 *
 * <p>Files are read into memory; annotation files are small, and a file larger than {@link
 * #MAX_BYTES} after decompression is rejected as a whole. A file in no known format gives one
 * reject at line 0 (counted as one record read). Gzip is recognised by its magic bytes ({@code 1f
 * 8b}), so {@code x.eaf.gz} and a gzip-compressed {@code .boris} project are both read. A gzip
 * file cut short keeps its complete lines before the cut; one whose data are corrupt (a deflate
 * format error, a CRC-32 or length mismatch) is one reject at line 0 and nothing of it is read
 * ({@link CompleteLines#corruption}).
 */
public final class AnnotationReader {
    /** Largest accepted (decompressed) annotation file: 64 MiB. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private AnnotationReader() {}

    /**
     * Reads one annotation file; rejects carry no session id (set it later).
     *
     * @param file the file to read
     * @param sourceName the name recorded as {@code sourceFile} in records and rejects (for example
     *     the path relative to the session folder)
     * @throws IOException when the file cannot be read or its gzip stream is corrupt
     */
    public static ParseResult<RawAnnotation> read(Path file, String sourceName) throws IOException {
        return read(file, sourceName, null);
    }

    /** As {@link #read(Path, String)}, with the session id copied into rejects. */
    public static ParseResult<RawAnnotation> read(Path file, String sourceName, String sessionId) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString(), sourceName, sessionId);
        }
    }

    /**
     * Reads annotation content from a stream (the caller closes it).
     *
     * @param fileName the file's name, for format detection
     */
    public static ParseResult<RawAnnotation> read(InputStream in, String fileName, String sourceName, String sessionId)
            throws IOException {
        byte[] content = readLimited(in);
        if (content == null) {
            return fileReject(sourceName, sessionId, "file is larger than " + MAX_BYTES + " bytes");
        }
        IOException cut = null;
        if (content.length >= 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b) {
            // a .gz cut short keeps its complete lines before the cut; a corrupt one (a changed
            // byte, noticed only where the decoder trips or at the CRC-32) is rejected as a whole
            String corrupt;
            byte[] tail = java.util.Arrays.copyOfRange(content, Math.max(0, content.length - 8), content.length);
            try (CompleteLines gz = new CompleteLines(new GzipMember(new ByteArrayInputStream(content)))) {
                content = readLimited(gz);
                cut = gz.failure();
                corrupt = content == null ? null : gz.corruption(tail);
            }
            if (content == null) {
                return fileReject(sourceName, sessionId, "file is larger than " + MAX_BYTES + " bytes after gunzip");
            }
            if (corrupt != null) {
                return fileReject(sourceName, sessionId, corrupt);
            }
        }
        if (cut != null && RecordFields.utf8(content).isBlank()) {
            // cut before its first line ends: not "empty", and said once
            ParseResult<RawAnnotation> r = new ParseResult<>();
            r.countRead();
            r.reject(new Reject(
                    sessionId,
                    sourceName,
                    1,
                    "gzip data truncated or corrupt at line 1: no complete line could be read, nothing of the file"
                            + " is read",
                    null));
            return r;
        }
        ParseResult<RawAnnotation> r = parse(content, fileName, sourceName, sessionId);
        if (cut != null) {
            // the rest of the file, after its last complete line, is one record not read
            long lines = 0;
            for (byte b : content) {
                lines += b == '\n' ? 1 : 0;
            }
            r.countRead();
            r.reject(new Reject(
                    sessionId,
                    sourceName,
                    lines + 1,
                    "gzip data truncated or corrupt at line " + (lines + 1) + ": the rest of the file is not read",
                    null));
        }
        return r;
    }

    /** A zeroed block's reason where the file's own reject says it was not read. */
    private static final String UNREAD = "; the file is not read (its other reject row says why)";

    /** The whole-file reject of a file that holds a header and nothing else. */
    private static final String NO_EVENTS = "the file holds no coded events (a header or an empty coding only)";

    private static ParseResult<RawAnnotation> parse(
            byte[] content, String fileName, String sourceName, String sessionId) {
        String container = containerProblem(content);
        if (container != null) {
            return fileReject(sourceName, sessionId, container);
        }
        List<ZeroedBlocks.Block> zeroed = List.of();
        if (lineBased(fileName, content)) {
            ZeroedBlocks.Result z = ZeroedBlocks.blank(content);
            zeroed = z.blocks();
            content = z.bytes();
            if (!zeroed.isEmpty() && RecordFields.utf8(content).isBlank()) {
                return fileReject(sourceName, sessionId, "the file holds NUL bytes (a zeroed disk block?) and no text");
            }
        }
        ParseResult<RawAnnotation> r = parseText(content, fileName, sourceName, sessionId);
        if (!zeroed.isEmpty()
                && r.recordsRead() == 1
                && r.records().isEmpty()
                && r.rejects().get(0).line == 0
                && NO_EVENTS.equals(r.rejects().get(0).reason)) {
            // the block took the events: its rows say why. Any other whole-file reject (a block
            // over the header leaves a format nobody can recognise) stays beside them.
            r = new ParseResult<>();
        }
        boolean unread = !zeroed.isEmpty()
                && r.records().isEmpty()
                && r.recordsRead() == 1
                && r.rejects().get(0).line == 0;
        for (ZeroedBlocks.Block z : zeroed) {
            r.countRead();
            String reason = unread ? z.reason().replace(ZeroedBlocks.READ_ON, UNREAD) : z.reason();
            r.reject(new Reject(sessionId, sourceName, z.line(), reason, null));
        }
        return r;
    }

    /** A coding file read line by line (not an ELAN .eaf or a BORIS project: XML and JSON documents). */
    private static boolean lineBased(String fileName, byte[] content) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.gz$", "");
        if (name.endsWith(".eaf") || name.endsWith(".boris")) {
            return false;
        }
        for (byte b : content) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0) {
                return b != '<'; // an XML document whatever its name
            }
        }
        return true;
    }

    private static ParseResult<RawAnnotation> parseText(
            byte[] content, String fileName, String sourceName, String sessionId) {
        String text = RecordFields.utf8(content);
        if (text.isBlank() || text.equals("\uFEFF")) {
            return fileReject(sourceName, sessionId, "the file is empty (no coded events)");
        }
        Optional<AnnotationFormat> format = AnnotationFormat.detect(fileName, text);
        if (format.isEmpty() || format.get() == AnnotationFormat.ELAN_TAB) {
            String headerless = AnnotationFormat.headerlessNativeProblem(text);
            if (headerless != null) {
                return fileReject(sourceName, sessionId, headerless);
            }
        }
        if (format.isEmpty()) {
            return fileReject(
                    sourceName,
                    sessionId,
                    "unrecognised annotation format: expected .eaf, .boris, "
                            + ".jsonl, a BORIS export, an ELAN tab-delimited export, a DyadSync table "
                            + "or a CSV with 'start' and 'code' columns");
        }
        ParseResult<RawAnnotation> parsed = format.get().parser().parse(content, sourceName, sessionId);
        if (parsed.recordsRead() == 0) {
            // a header and nothing else (an export made before anything was coded, an ELAN file
            // without annotations): said, as for an empty file, so that the session's "not coded"
            // has a reason beside it
            return fileReject(sourceName, sessionId, NO_EVENTS);
        }
        EventRepeats.rejectRepeatedRows(parsed, sourceName, sessionId);
        return parsed;
    }

    /**
     * Why a binary container is not read, by its magic number, with what to do instead: a zip (an
     * .xlsx, .ods or .docx document is one, or a zipped export) or an OLE2 compound file (Excel
     * 97-2003 .xls, Word .doc); null for anything else.
     */
    static String containerProblem(byte[] content) {
        String instead = ": save the coding as tab-delimited text or CSV (BORIS: export events as TSV or CSV;"
                + " ELAN: Export > Tab-delimited Text)";
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return "a zip file (an .xlsx, .ods or .docx document, or a zipped export) is not read: unzip an export,"
                    + " or" + instead.substring(1);
        }
        byte[] ole2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1};
        if (content.length >= ole2.length && java.util.Arrays.equals(content, 0, ole2.length, ole2, 0, ole2.length)) {
            return "a binary Office file (Excel 97-2003 .xls, Word .doc) is not read" + instead;
        }
        return null;
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        return bytes.length > MAX_BYTES ? null : bytes;
    }

    private static ParseResult<RawAnnotation> fileReject(String sourceName, String sessionId, String reason) {
        ParseResult<RawAnnotation> r = new ParseResult<>();
        r.countRead();
        r.reject(new Reject(sessionId, sourceName, 0, reason, null));
        return r;
    }
}
