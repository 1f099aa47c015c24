package org.sessionreview.signal.synchrony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sessionreview.config.SynchronyConfig;

class DyadResamplerTest {

    @Test
    void shouldAverageEachBinWhenDownsamplingFrom25To5Hz() {
        double[] x = new double[250];
        for (int j = 0; j < x.length; j++) {
            x[j] = j;
        }
        double[] y = DyadResampler.resample(x, 25, 0, 5, 0, 50, 0.5);

        // bin of output i is [i/5 - 0.1, i/5 + 0.1): source samples 5i-2 .. 5i+2, mean 5i
        for (int i = 1; i < 49; i++) {
            assertEquals(5.0 * i, y[i], 1e-12, "sample " + i);
        }
        // first bin: samples -2, -1 lie before the recording; 0, 1, 2 (3 of 5) are valid
        assertEquals(1.0, y[0], 1e-12);
    }

    @Test
    void shouldMaskABinWhenLessThanTheMinimumShareIsValid() {
        double[] x = new double[100];
        java.util.Arrays.fill(x, 2.0);
        for (int j = 23; j < 28; j++) {
            x[j] = Double.NaN; // all of output 5's bin (source 23..27)
        }
        x[31] = Double.NaN;
        x[32] = Double.NaN; // 2 of output 6's 5 samples (28..32)
        x[33] = Double.NaN;
        x[34] = Double.NaN;
        x[35] = Double.NaN; // with 33..35: 3 of output 7's 5 samples (33..37)
        double[] y = DyadResampler.resample(x, 25, 0, 5, 0, 20, 0.5);

        assertTrue(Double.isNaN(y[5]));
        assertEquals(2.0, y[6], 0.0);
        assertTrue(Double.isNaN(y[7]));
        assertEquals(2.0, y[8], 0.0);
    }

    @Test
    void shouldPutBothWearersOnTheLaterStartWhenDevicesStartApart() {
        double rate = 4;
        double[] client = new double[400]; // 0 .. 100 s
        double[] therapist = new double[400]; // 0.3 .. 100.3 s
        for (int j = 0; j < 400; j++) {
            client[j] = 10 + j / rate; // value = 10 + time
            therapist[j] = 10 + 0.3 + j / rate;
        }
        DyadSeries d = DyadResampler.align(client, rate, 0.0, therapist, rate, 0.3, SynchronyConfig.defaults());

        assertEquals(0.3, d.startS(), 1e-12);
        assertEquals(4.0, d.rateHz(), 0.0);
        assertEquals(398, d.length(), "overlap 0.3 .. 100 s at 4 Hz");
        for (int i = 0; i < d.length(); i++) {
            assertEquals(10 + d.timeS(i), d.client()[i], 1e-9, "client " + i);
            assertEquals(10 + d.timeS(i), d.therapist()[i], 1e-9, "therapist " + i);
        }
    }

    @Test
    void shouldNotBridgeAMaskedSampleWhenInterpolating() {
        double[] x = {1, 2, Double.NaN, 4, 5};
        double[] y = DyadResampler.resample(x, 1, 0, 2, 0.5, 8, 0.5);
        // output times 0.5, 1.0, ..., 4.0
        assertEquals(1.5, y[0], 1e-12);
        assertEquals(2.0, y[1], 1e-12);
        assertTrue(Double.isNaN(y[2]) && Double.isNaN(y[3]) && Double.isNaN(y[4]));
        assertEquals(4.0, y[5], 1e-12);
        assertEquals(4.5, y[6], 1e-12);
        assertEquals(5.0, y[7], 1e-12);
    }
}
