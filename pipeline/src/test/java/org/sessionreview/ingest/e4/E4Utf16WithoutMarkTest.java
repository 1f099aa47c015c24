package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionreview.model.Channel;

/**
 * A channel file written as UTF-16 without a byte-order mark (a tool leaving the mark out) is
 * read as the export it came from; before, every line was rejected as non-numeric (each
 * character followed by a zero byte).
 */
class E4Utf16WithoutMarkTest {
    private static final String EDA =
            "1600000000.000000\r\n4.000000\r\n0.512300\r\n0.513400\r\n0.520100\r\n0.531000\r\n";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void shouldReadTheSamplesOfAChannelFileInUtf16WithoutAByteOrderMark(String charset) throws Exception {
        Path utf8 = Files.createDirectories(tmp.resolve("utf8"));
        Path utf16 = Files.createDirectories(tmp.resolve("utf16"));
        Files.writeString(utf8.resolve("EDA.csv"), EDA, StandardCharsets.UTF_8);
        Files.write(utf16.resolve("EDA.csv"), EDA.getBytes(Charset.forName(charset)));

        E4Recording expected = E4Reader.read(utf8, "s", "w");
        E4Recording read = E4Reader.read(utf16, "s", "w");

        E4FileReport report = read.files().get(Channel.EDA);
        assertEquals(0, report.recordsRejected(), report.rejects().toString());
        assertEquals(4, report.recordsAccepted());
        E4Channel want = expected.channel(Channel.EDA).orElseThrow();
        E4Channel got = read.channel(Channel.EDA).orElseThrow();
        assertEquals(want.startMillis(), got.startMillis());
        assertEquals(want.rateHz(), got.rateHz());
        assertArrayEquals(want.values(), got.values());
    }
}
