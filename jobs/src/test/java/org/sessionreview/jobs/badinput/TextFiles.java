package org.sessionreview.jobs.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Reads and writes text files, gunzipping and gzipping by the {@code .gz} suffix. */
final class TextFiles {
    static final String BOM = "\uFEFF";

    private TextFiles() {}

    static String read(Path p) throws IOException {
        return new String(readBytes(p), StandardCharsets.UTF_8);
    }

    /** The content, decompressed when the name ends in {@code .gz}. */
    static byte[] readBytes(Path p) throws IOException {
        if (!p.getFileName().toString().endsWith(".gz")) {
            return Files.readAllBytes(p);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return in.readAllBytes();
        }
    }

    static void write(Path p, String text) throws IOException {
        writeBytes(p, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the content, compressed when the name ends in {@code .gz}. */
    static void writeBytes(Path p, byte[] content) throws IOException {
        if (!p.getFileName().toString().endsWith(".gz")) {
            Files.write(p, content);
            return;
        }
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(p))) {
            o.write(content);
        }
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(buf)) {
            o.write(content);
        }
        return buf.toByteArray();
    }
}
