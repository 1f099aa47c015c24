package org.sessionreview.ingest.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.sessionreview.ingest.ParseResult;
import org.sessionreview.model.Reject;
import org.sessionreview.testing.SharedData;

/** Shared helpers for the annotation parser tests: fixture loading and checks. */
public final class AnnotationFixtures {
    /** Tolerance for times in seconds. */
    public static final double EPS = 1e-9;

    private AnnotationFixtures() {}

    /** Bytes of a file below {@code shared/data}. */
    public static byte[] shared(String relative) {
        try {
            return Files.readAllBytes(SharedData.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes of a test resource below {@code src/test/resources/annotation/}. */
    public static byte[] resource(String name) {
        try (InputStream in = AnnotationFixtures.class.getResourceAsStream("/annotation/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /annotation/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** 1-based number of the first line of {@code content} containing {@code needle}. */
    public static long lineOf(byte[] content, String needle) {
        List<String> lines = new String(content, StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("'" + needle + "' not found");
    }

    /** Checks the counting invariant: every record read is accepted or rejected. */
    public static void assertBalanced(ParseResult<?> r, long accepted, long rejected) {
        assertEquals(accepted, r.records().size(), "accepted; rejects: " + r.rejects());
        assertEquals(rejected, r.rejects().size(), "rejected: " + r.rejects());
        assertEquals(accepted + rejected, r.recordsRead(), "records read");
    }

    /** The reject at {@code line}, failing when there is none. */
    public static Reject rejectAt(ParseResult<?> r, long line) {
        return r.rejects().stream()
                .filter(x -> x.line == line)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no reject at line " + line + " in " + r.rejects()));
    }
}
