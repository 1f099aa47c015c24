package org.sessionreview.jobs.sampledata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Test helper: reads generated (gzip) E4 CSVs back. */
final class E4Csv {
    private E4Csv() {}

    static List<String> lines(Path gz) throws IOException {
        return List.of(text(gz).split("\n"));
    }

    static String text(Path file) throws IOException {
        if (!file.getFileName().toString().endsWith(".gz")) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Single-column samples (rows 3..). */
    static double[] values(Path gz) throws IOException {
        List<String> l = lines(gz);
        double[] v = new double[l.size() - 2];
        for (int i = 2; i < l.size(); i++) {
            v[i - 2] = Double.parseDouble(l.get(i));
        }
        return v;
    }

    /** IBI rows {offset_s, ibi_s}. */
    static double[][] ibi(Path gz) throws IOException {
        List<String> l = lines(gz);
        double[][] v = new double[l.size() - 1][];
        for (int i = 1; i < l.size(); i++) {
            String[] p = l.get(i).split(",");
            v[i - 1] = new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])};
        }
        return v;
    }

    /** Mean of samples whose media time lies in [fromS, toS). */
    static double mean(double[] v, double rateHz, double startOffsetS, double fromS, double toS) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            double t = i / rateHz + startOffsetS;
            if (t >= fromS && t < toS) {
                sum += v[i];
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no samples in " + fromS + ".." + toS);
        }
        return sum / n;
    }

    /** RMSSD in ms over consecutive IBI rows whose beat lies in [fromS, toS) (media time). */
    static double rmssdMs(double[][] ibi, double startOffsetS, double fromS, double toS) {
        double sum = 0;
        int n = 0;
        for (int i = 1; i < ibi.length; i++) {
            double t = ibi[i][0] + startOffsetS;
            boolean consecutive = Math.abs(ibi[i][0] - ibi[i - 1][0] - ibi[i][1]) < 1e-6;
            if (t >= fromS && t < toS && consecutive) {
                double d = ibi[i][1] - ibi[i - 1][1];
                sum += d * d;
                n++;
            }
        }
        return 1000 * Math.sqrt(sum / n);
    }
}
