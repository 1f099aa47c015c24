package org.sessionreview.ingest.e4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FastDecimalTest {

    private static double parse(String s) {
        return FastDecimal.parse(s.toCharArray(), 0, s.length());
    }

    @Test
    void shouldMatchDoubleParseDoubleBitForBitWhenGivenDecimalsOfE4Shapes() {
        Random random = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            int decimals = random.nextInt(8);
            double magnitude = Math.pow(10, random.nextInt(11) - 2);
            double v = (random.nextDouble() - 0.5) * magnitude;
            String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
            assertEquals(Double.doubleToLongBits(Double.parseDouble(s)), Double.doubleToLongBits(parse(s)), s);
        }
    }

    @Test
    void shouldMatchDoubleParseDoubleWhenGivenEdgeShapes() {
        String[] cases = {
            "0",
            "-0.00",
            "+5",
            ".5",
            "5.",
            "1644226061",
            "1644226061.000000",
            "123456789012345678901234",
            "0.000000000000000000000000123",
            "1e-3",
            "-2.5E+2",
            "9007199254740993",
            " 32.000000",
            "64\r",
            "\t-61 "
        };
        for (String s : cases) {
            assertEquals(Double.parseDouble(s.trim()), parse(s), "'" + s + "'");
        }
    }

    @Test
    void shouldReturnNaNWhenTextIsNotADecimalNumber() {
        String[] cases = {
            "", "  ", "abc", "NaN", "Infinity", "-", ".", "-.", "1.2.3", "1,2", "12a", "0x10", "1d", "e5", "--1"
        };
        for (String s : cases) {
            assertTrue(Double.isNaN(parse(s)), "'" + s + "' gave " + parse(s));
        }
    }

    @Test
    void shouldParseOnlyTheGivenRangeWhenCalledOnPartOfALine() {
        String line = "-61,25,6";
        assertEquals(-61.0, FastDecimal.parse(line.toCharArray(), 0, 3));
        assertEquals(25.0, FastDecimal.parse(line.toCharArray(), 4, 6));
        assertEquals(6.0, FastDecimal.parse(line.toCharArray(), 7, 8));
    }

    /** A random number as Java writes it: sign, digits, dot, digits, exponent, blanks around. */
    private static String randomNumber(Random random) {
        StringBuilder s = new StringBuilder();
        s.append(" \t\r".substring(0, random.nextInt(4) == 0 ? random.nextInt(4) : 0));
        s.append(random.nextInt(4) == 0 ? "+" : random.nextInt(3) == 0 ? "-" : "");
        int whole = random.nextInt(5) == 0 ? random.nextInt(26) : random.nextInt(12);
        int fraction = random.nextInt(5) == 0 ? random.nextInt(30) : random.nextInt(8);
        if (whole == 0 && fraction == 0) {
            whole = 1;
        }
        for (int d = 0; d < whole; d++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        if (fraction > 0 || random.nextBoolean()) {
            s.append('.');
        }
        for (int d = 0; d < fraction; d++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        if (random.nextInt(6) == 0) {
            s.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(3) == 0 ? "-" : "");
            s.append(random.nextInt(random.nextBoolean() ? 30 : 400));
        }
        s.append("\t \r".substring(0, random.nextInt(4) == 0 ? random.nextInt(4) : 0));
        return s.toString();
    }

    /** The char[] parser on {@code s} placed inside other characters, so that only the range counts. */
    private static double parseInside(String s, Random random) {
        String before = "9,".repeat(random.nextInt(3));
        char[] chars = (before + s + ",7e").toCharArray();
        return FastDecimal.parse(chars, before.length(), before.length() + s.length());
    }

    @Test
    void shouldMatchDoubleParseDoubleBitForBitWhenGivenRandomNumbersOfEveryShape() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            String s = randomNumber(random);
            double expected = Double.parseDouble(s);
            double got = parseInside(s, random);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(got), "'" + s + "'");
            assertEquals(
                    Double.doubleToLongBits(ReferenceFastDecimal.parse(s, 0, s.length())),
                    Double.doubleToLongBits(got),
                    "'" + s + "' against the String parser");
        }
    }

    @Test
    void shouldGiveWhatTheStringParserGaveWhenGivenRandomText() {
        Random random = new Random(11);
        String alphabet = "0123456789+-.eE \t\r,xdfNaIny\u000B\u00A0";
        for (int i = 0; i < 300_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(9); n > 0; n--) {
                s.append(alphabet.charAt(random.nextInt(random.nextBoolean() ? 13 : alphabet.length())));
            }
            String text = s.toString();
            double got = parseInside(text, random);
            assertEquals(
                    Double.doubleToLongBits(ReferenceFastDecimal.parse(text, 0, text.length())),
                    Double.doubleToLongBits(got),
                    "'" + text + "'");
            if (!Double.isNaN(got)) {
                assertEquals(
                        Double.doubleToLongBits(Double.parseDouble(text)),
                        Double.doubleToLongBits(got),
                        "'" + text + "'");
            }
        }
    }

    @Test
    void shouldMatchDoubleParseDoubleWhenGivenLongMantissasAndExtremes() {
        String[] cases = {
            "12345678901234567",
            "123456789012345678",
            "1234567890123456789",
            "9007199254740992",
            "9007199254740993",
            "-9007199254740995.0",
            "0.12345678901234567890123",
            "1.00000000000000011102230246251565404236316680908203125",
            "+.5",
            "-5.",
            "00000000000000000000012.5",
            "0.0000000000000000000001",
            "0.00000000000000000000001",
            "4.9e-324",
            "2e-324",
            "1.7976931348623157e308",
            "1e309",
            "-1e309",
            "1e-400",
            "-0",
            "-0.0",
            "+0",
            "1E5",
            "1e+5",
            "2.2250738585072014E-308",
            "179769313486231570000000000000000000000000000000000000000000000000000000000000000"
        };
        for (String s : cases) {
            assertEquals(
                    Double.doubleToLongBits(Double.parseDouble(s)), Double.doubleToLongBits(parse(s)), "'" + s + "'");
        }
    }

    @Test
    void shouldReturnNaNWhenTextIsWhatParseDoubleAcceptsButIsNotAPlainDecimal() {
        // Double.parseDouble takes these; the E4 parser counts them as non-numeric, as before
        String[] cases = {
            "NaN",
            "-NaN",
            "Infinity",
            "-Infinity",
            "+Infinity",
            "1d",
            "1f",
            "1.5D",
            "0x1p3",
            "0X1.8P1",
            "\u000B1",
            "1\u000C",
            "\u00001"
        };
        for (String s : cases) {
            assertTrue(Double.isNaN(parse(s)), "'" + s + "' gave " + parse(s));
            assertTrue(Double.isNaN(ReferenceFastDecimal.parse(s, 0, s.length())), s);
        }
    }
}
