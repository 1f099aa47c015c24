package org.sessionreview.jobs.sampledata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the generated signals against planted.json: counts, headers, planted effects. */
class GeneratedSignalsTest {
    @TempDir
    static Path out;

    static JsonNode planted;

    @BeforeAll
    static void generate() throws IOException {
        SampleDataGenerator.generate(out, SampleDataGenerator.DEFAULT_SEED);
        planted = new ObjectMapper().readTree(out.resolve("planted.json").toFile());
    }

    @Test
    void shouldWriteE4HeadersAndSampleCountsForTheRecordingLength() throws IOException {
        for (JsonNode s : planted.get("sessions")) {
            for (JsonNode w : s.get("wearers")) {
                Path dir = out.resolve(s.get("folder").asText())
                        .resolve(w.get("folder").asText());
                long start = w.get("e4_start_epoch_s").asLong();
                int lead = w.get("lead_s").asInt();
                assertTrue(lead >= 30 && lead <= 90);
                assertEquals(s.get("media_start_epoch_s").asLong() - lead, start);
                String st = start + ".000000";
                for (JsonNode c : w.get("channels")) {
                    String ch = c.asText();
                    List<String> l = E4Csv.lines(dir.resolve(ch + ".csv.gz"));
                    switch (ch) {
                        case "ACC":
                            assertEquals(st + ", " + st + ", " + st, l.get(0));
                            assertEquals("32.000000, 32.000000, 32.000000", l.get(1));
                            assertTrue(l.get(2).matches("-?\\d+,-?\\d+,-?\\d+"), l.get(2));
                            break;
                        case "BVP":
                            assertEquals(start + ".00", l.get(0));
                            assertEquals("64.000000", l.get(1));
                            break;
                        case "HR":
                            assertEquals((start + 10) + ".000000", l.get(0));
                            assertEquals("1.000000", l.get(1));
                            break;
                        case "IBI":
                            assertEquals(st + ", IBI", l.get(0));
                            break;
                        default:
                            assertEquals(st, l.get(0));
                            assertEquals("4.000000", l.get(1));
                    }
                    if (!ch.equals("IBI")) {
                        assertEquals(w.get("samples").get(ch).asInt(), l.size() - 2, dir + ch);
                    }
                }
                for (JsonNode c : w.get("missing_channels")) {
                    assertFalse(Files.exists(dir.resolve(c.asText() + ".csv.gz")));
                }
                double[][] ibi = E4Csv.ibi(dir.resolve("IBI.csv.gz"));
                double covered = 0;
                for (int i = 0; i < ibi.length; i++) {
                    covered += ibi[i][1];
                    assertTrue(i == 0 || ibi[i][0] > ibi[i - 1][0]);
                    assertTrue(ibi[i][1] >= 0.3 && ibi[i][1] <= 2.0);
                }
                double missing = 1 - covered / w.get("recording_s").asDouble();
                assertTrue(missing > 0.04 && missing < 0.12, dir + " missing " + missing);
            }
        }
    }

    @Test
    void shouldShowEveryPlantedEpisodeInTheRawSignals() throws IOException {
        int checked = 0;
        for (JsonNode s : planted.get("sessions")) {
            JsonNode w = s.get("wearers").get(0);
            assertEquals("client", w.get("role").asText());
            Path dir = out.resolve(s.get("folder").asText())
                    .resolve(w.get("folder").asText());
            double offset = -w.get("lead_s").asDouble();
            double[] eda = E4Csv.values(dir.resolve("EDA.csv.gz"));
            double[] hr = E4Csv.values(dir.resolve("HR.csv.gz"));
            double[] temp = E4Csv.values(dir.resolve("TEMP.csv.gz"));
            double[][] ibi = E4Csv.ibi(dir.resolve("IBI.csv.gz"));
            double edaBase = E4Csv.mean(eda, 4, offset, 120, 360);
            double hrBase = E4Csv.mean(hr, 1, offset + 10, 120, 360);
            double rmssdBase = E4Csv.rmssdMs(ibi, offset, 120, 360);
            assertTrue(rmssdBase > 25 && rmssdBase < 60, "baseline RMSSD " + rmssdBase);
            for (JsonNode e : s.get("client_episodes")) {
                String id = e.get("id").asText();
                double a = e.get("start_s").asDouble();
                double b = e.get("end_s").asDouble();
                double pa = e.get("plateau_start_s").asDouble();
                double pb = e.get("plateau_end_s").asDouble();
                double edaRise = e.get("eda_rise_us").asDouble();
                double hrRise = e.get("hr_rise_bpm").asDouble();
                assertTrue(E4Csv.mean(eda, 4, offset, pa, pb) - edaBase >= 0.8 * edaRise, id);
                assertTrue(E4Csv.mean(eda, 4, offset, a, b) - edaBase >= 0.5 * edaRise, id);
                assertTrue(E4Csv.mean(hr, 1, offset + 10, pa, pb) - hrBase >= 0.8 * hrRise, id);
                assertTrue(E4Csv.mean(hr, 1, offset + 10, a, b) - hrBase >= 0.5 * hrRise, id);
                assertTrue(E4Csv.rmssdMs(ibi, offset, pa, pb) < 0.75 * rmssdBase, id);
                double fall = E4Csv.mean(temp, 4, offset, a, a + 20) - E4Csv.mean(temp, 4, offset, b - 20, b);
                assertTrue(fall >= 0.5 * e.get("temp_drop_c").asDouble(), id + " temp " + fall);
                checked++;
            }
        }
        assertTrue(checked >= 6);
    }

    @Test
    void shouldShowFidgetAsSmallThreeToFiveHertzMotion() throws IOException {
        int checked = 0;
        for (JsonNode s : planted.get("sessions")) {
            JsonNode w = s.get("wearers").get(0);
            Path dir = out.resolve(s.get("folder").asText())
                    .resolve(w.get("folder").asText());
            List<String> acc = E4Csv.lines(dir.resolve("ACC.csv.gz"));
            double offset = -w.get("lead_s").asDouble();
            for (JsonNode e : s.get("client_episodes")) {
                JsonNode f = e.get("fidget");
                if (f.isNull()) {
                    continue;
                }
                double a = f.get("start_s").asDouble();
                double b = f.get("end_s").asDouble();
                double inside = bandPower(acc, offset, a, b, 2, 6);
                double base = bandPower(acc, offset, 120, 360, 2, 6);
                assertTrue(inside > 5 * base, e.get("id") + ": " + inside + " vs " + base);
                double outside = bandPower(acc, offset, a, b, 8, 16);
                assertTrue(inside > 5 * outside, e.get("id") + " is not a 2-6 Hz motion");
                assertTrue(magnitudeSd(acc, offset, a, b) < 5, "fidget must stay small");
                checked++;
            }
        }
        assertTrue(checked >= 2);
    }

    @Test
    void shouldReadNearZeroEdaDuringContactLoss() throws IOException {
        int checked = 0;
        for (JsonNode s : planted.get("sessions")) {
            for (JsonNode c : s.get("contact_loss")) {
                JsonNode w = null;
                for (JsonNode x : s.get("wearers")) {
                    if (x.get("role").asText().equals(c.get("role").asText())) {
                        w = x;
                    }
                }
                Path dir = out.resolve(s.get("folder").asText())
                        .resolve(w.get("folder").asText());
                double[] eda = E4Csv.values(dir.resolve("EDA.csv.gz"));
                double offset = -w.get("lead_s").asDouble();
                double a = c.get("start_s").asDouble();
                double b = c.get("end_s").asDouble();
                for (int i = 0; i < eda.length; i++) {
                    double t = i / 4.0 + offset;
                    if (t >= a && t <= b) {
                        assertTrue(eda[i] < 0.05, "EDA " + eda[i] + " at " + t);
                    }
                }
                assertTrue(E4Csv.mean(eda, 4, offset, a - 30, a) > 1.0);
                assertTrue(E4Csv.mean(eda, 4, offset, b + 1, b + 30) > 1.0);
                checked++;
            }
        }
        assertEquals(1, checked);
    }

    /**
     * Mean power of the ACC vector magnitude between {@code loHz} and {@code hiHz}, from a plain
     * DFT over consecutive 4 s frames (128 samples, 0.25 Hz bins) in [a, b).
     */
    private static double bandPower(List<String> acc, double offsetS, double a, double b, double loHz, double hiHz) {
        double[] m = magnitude(acc, offsetS, a, b);
        double sum = 0;
        int frames = 0;
        for (int f0 = 0; f0 + 128 <= m.length; f0 += 128, frames++) {
            double mean = 0;
            for (int i = 0; i < 128; i++) {
                mean += m[f0 + i] / 128;
            }
            for (int k = (int) (loHz * 4); k <= (int) (hiHz * 4); k++) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < 128; i++) {
                    re += (m[f0 + i] - mean) * Math.cos(2 * Math.PI * k * i / 128);
                    im -= (m[f0 + i] - mean) * Math.sin(2 * Math.PI * k * i / 128);
                }
                sum += (re * re + im * im) / 128;
            }
        }
        return sum / frames;
    }

    private static double magnitudeSd(List<String> acc, double offsetS, double a, double b) {
        double[] m = magnitude(acc, offsetS, a, b);
        double mean = java.util.Arrays.stream(m).average().orElseThrow();
        return Math.sqrt(java.util.Arrays.stream(m)
                .map(x -> (x - mean) * (x - mean))
                .average()
                .orElseThrow());
    }

    private static double[] magnitude(List<String> acc, double offsetS, double a, double b) {
        return java.util.stream.IntStream.range(2, acc.size())
                .filter(i -> (i - 2) / 32.0 + offsetS >= a && (i - 2) / 32.0 + offsetS < b)
                .mapToDouble(i -> {
                    String[] p = acc.get(i).split(",");
                    double x = Double.parseDouble(p[0]);
                    double y = Double.parseDouble(p[1]);
                    double z = Double.parseDouble(p[2]);
                    return Math.sqrt(x * x + y * y + z * z);
                })
                .toArray();
    }
}
