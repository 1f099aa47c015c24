package org.sessionreview.jobs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseFloorTest {
    private static final String EDA = "1600000000.000000\n4.000000\n0.123456\n7.5\n-0.000001\n12\n";
    private static final String ACC = "1600000000.000000, 1600000000.000000, 1600000000.000000\n"
            + "32.000000, 32.000000, 32.000000\n-12,3,64\n0,-1,63\n";
    private static final String IBI = "1600000000.000000, IBI\n12.515625,0.812500\n13.312500,0.796875";

    @Test
    void shouldParseEveryNumberToTheValueDoubleParseDoubleGives(@TempDir Path dir) throws Exception {
        Path wearer = Files.createDirectories(dir.resolve("s1/client"));
        Files.writeString(wearer.resolve("EDA.csv"), EDA);
        Files.writeString(wearer.resolve("ACC.csv"), ACC);
        Files.writeString(wearer.resolve("IBI.csv"), IBI);
        Files.writeString(dir.resolve("s1/session.json"), "{\"duration_s\": 1234}");

        ParseFloor.Result r = ParseFloor.pass(ParseFloor.files(dir), 2);

        List<String> numbers = List.of(
                "1600000000.000000",
                "4.000000",
                "0.123456",
                "7.5",
                "-0.000001",
                "12",
                "1600000000.000000",
                "1600000000.000000",
                "1600000000.000000",
                "32.000000",
                "32.000000",
                "32.000000",
                "-12",
                "3",
                "64",
                "0",
                "-1",
                "63",
                "1600000000.000000",
                "12.515625",
                "0.812500",
                "13.312500",
                "0.796875");
        assertEquals(numbers.size(), r.numbers());
        assertEquals(
                4 + 2 + 2, r.sampleRows(), "data rows after the headers: EDA 4, ACC 2, IBI 2 (last without newline)");
        assertEquals(4, r.files());
        long bytes = EDA.length() + ACC.length() + IBI.length() + "{\"duration_s\": 1234}".length();
        assertEquals(bytes, r.bytes());
        double perFile = 0;
        for (String n : numbers) {
            assertEquals(Double.parseDouble(n), parseOne(n), 0.0, n);
        }
        for (String n : numbers) {
            perFile += Double.parseDouble(n);
        }
        assertEquals(perFile, r.checksum(), Math.ulp(perFile) * 8, "the numbers' sum (files summed in any order)");
    }

    @Test
    void shouldReadGzipFilesLikeTheirPlainText(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("EDA.csv"), EDA);
        Path gz = Files.createDirectories(dir.resolve("gz")).resolve("EDA.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(EDA.getBytes(StandardCharsets.US_ASCII));
        }
        ParseFloor.Result plain = ParseFloor.pass(List.of(dir.resolve("EDA.csv")), 1);
        ParseFloor.Result inflated = ParseFloor.pass(List.of(gz), 1);
        assertEquals(plain.numbers(), inflated.numbers());
        assertEquals(plain.sampleRows(), inflated.sampleRows());
        assertEquals(plain.bytes(), inflated.bytes());
        assertEquals(plain.checksum(), inflated.checksum(), 0.0);
    }

    @Test
    void shouldReadASessionsRootGivenAsASymbolicLinkAsReviewDoes(@TempDir Path dir) throws Exception {
        // review follows a sessions root that is a link (e.g. a scratch folder linking sample-data);
        // before 2026-12-07 the floor walked the link itself and counted 0 files, 0 samples
        Path real = Files.createDirectories(dir.resolve("real/s1/client"));
        Files.writeString(real.resolve("EDA.csv"), EDA);
        Files.writeString(dir.resolve("real/s1/session.json"), "{}");
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));

        ParseFloor.Result viaLink = ParseFloor.pass(ParseFloor.files(link), 1);
        ParseFloor.Result direct = ParseFloor.pass(ParseFloor.files(dir.resolve("real")), 1);
        assertEquals(2, direct.files());
        assertEquals(direct.files(), viaLink.files());
        assertEquals(4, viaLink.sampleRows(), "EDA data rows after the two header rows");
        assertEquals(direct.checksum(), viaLink.checksum(), 0.0);
    }

    @Test
    void shouldGrowItsBufferForFilesLargerThanOneMegabyte(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("1600000000.000000\n64.000000\n");
        int rows = 300_000;
        for (int i = 0; i < rows; i++) {
            sb.append(i % 1000).append(".25\n");
        }
        Files.writeString(dir.resolve("BVP.csv"), sb);
        ParseFloor.Result r = ParseFloor.pass(ParseFloor.files(dir), 1);
        assertEquals(rows, r.sampleRows());
        double expected = 1600000000.0 + 64;
        for (int i = 0; i < rows; i++) {
            expected += i % 1000 + 0.25;
        }
        assertEquals(expected, r.checksum(), 1e-3);
    }

    private static double parseOne(String n) {
        long[] counts = new long[4];
        double[] sum = new double[1];
        byte[] b = (n + "\n").getBytes(StandardCharsets.US_ASCII);
        ParseFloor.parse(b, b.length, 0, counts, sum);
        return sum[0];
    }
}
