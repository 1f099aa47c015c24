package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FastDecimalTest {

    private static double parse(String s) {
        return FastDecimal.parse(s, 0, s.length());
    }

    @Test
    void shouldMatchDoubleParseDoubleBitForBitWhenGivenDecimalsOfE4Shapes() {
        Random random = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            int decimals = random.nextInt(8);
            double magnitude = Math.pow(10, random.nextInt(11) - 2);
            double v = (random.nextDouble() - 0.5) * magnitude;
            String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
            assertEquals(Double.doubleToLongBits(Double.parseDouble(s)),
                    Double.doubleToLongBits(parse(s)), s);
        }
    }

    @Test
    void shouldMatchDoubleParseDoubleWhenGivenEdgeShapes() {
        String[] cases = {"0", "-0.00", "+5", ".5", "5.", "1644226061", "1644226061.000000",
            "123456789012345678901234", "0.000000000000000000000000123", "1e-3", "-2.5E+2",
            "9007199254740993", " 32.000000", "64\r", "\t-61 "};
        for (String s : cases) {
            assertEquals(Double.parseDouble(s.trim()), parse(s), "'" + s + "'");
        }
    }

    @Test
    void shouldReturnNaNWhenTextIsNotADecimalNumber() {
        String[] cases = {"", "  ", "abc", "NaN", "Infinity", "-", ".", "-.", "1.2.3", "1,2",
            "12a", "0x10", "1d", "e5", "--1"};
        for (String s : cases) {
            assertTrue(Double.isNaN(parse(s)), "'" + s + "' gave " + parse(s));
        }
    }

    @Test
    void shouldParseOnlyTheGivenRangeWhenCalledOnPartOfALine() {
        String line = "-61,25,6";
        assertEquals(-61.0, FastDecimal.parse(line, 0, 3));
        assertEquals(25.0, FastDecimal.parse(line, 4, 6));
        assertEquals(6.0, FastDecimal.parse(line, 7, 8));
    }
}
