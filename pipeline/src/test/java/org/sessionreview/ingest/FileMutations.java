package org.sessionreview.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded damage to a file's bytes, of the kinds files meet on their way from a device, an
 * annotation tool or a hand edit to the archive: cut short, a byte changed, lines lost, repeated
 * or swapped, a stray line, a number replaced by something that is not one, line ends changed,
 * NUL bytes, a separator lost or added, a stretch of values stuck at one value. Each mutation is
 * deterministic in its {@link Random}.
 */
public final class FileMutations {
    /** Tokens a damaged or hand-edited number field may hold instead of a plain number. */
    static final List<String> ODD_TOKENS = List.of(
            "",
            " ",
            "NaN",
            "-NaN",
            "Infinity",
            "-Infinity",
            "inf",
            "1e309",
            "-1e309",
            "4.9e-324",
            "1e-400",
            "0x10",
            "1,5",
            "1.5.5",
            "+",
            "-",
            ".",
            "e5",
            "1e",
            "--1",
            "99999999999999999999999",
            "-99999999999999999999",
            "0",
            "-0",
            "-1",
            "1E+2",
            "\u0663",
            "\uff11\uff12",
            "null",
            "true",
            "\"x\"",
            "{}",
            "[]",
            "2026-03-02T10:00:00Z",
            "10:00",
            "1/2",
            "\u00a0",
            "1\u00a02",
            "9223372036854775807",
            "-9223372036854775808",
            "1e18",
            "-1e18");

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final byte[] SEPARATORS = {',', '\t', ';', ':', '"', '{', '}', '[', ']', '<', '>', '=', ' '};

    /** One named mutation. */
    public interface Mutation {
        String name();

        /** True when the damage is confined to one or two lines (or a few bytes). */
        default boolean local() {
            return !name().startsWith("a block") && !name().equals("emptied") && !name().equals("line ends as CR only");
        }

        byte[] apply(byte[] in, Random rnd);
    }

    private record Named(String name, Op op) implements Mutation {
        @Override
        public byte[] apply(byte[] in, Random rnd) {
            return op.apply(in, rnd);
        }
    }

    private interface Op {
        byte[] apply(byte[] in, Random rnd);
    }

    /** Every mutation, in a fixed order. */
    public static final List<Mutation> ALL = List.of(
            new Named(
                    "cut at a random byte",
                    (in, r) -> java.util.Arrays.copyOf(in, in.length == 0 ? 0 : r.nextInt(in.length))),
            new Named("one byte changed", FileMutations::changeBytes),
            new Named("a line deleted", (in, r) -> editLines(in, r, (lines, i) -> lines.remove(i))),
            new Named("a line repeated", (in, r) -> editLines(in, r, (lines, i) -> lines.add(i, lines.get(i)))),
            new Named("two lines swapped", FileMutations::swapLines),
            new Named("a stray line inserted", FileMutations::strayLine),
            new Named("a number replaced", FileMutations::replaceNumber),
            new Named("line ends as CR only", (in, r) -> replaceAll(in, (byte) '\n', (byte) '\r')),
            new Named("NUL bytes inserted", FileMutations::nulBytes),
            new Named("a separator removed", FileMutations::removeSeparator),
            new Named("a separator added", FileMutations::addSeparator),
            new Named("emptied", (in, r) -> new byte[0]),
            new Named("a block of lines repeated", FileMutations::repeatBlock),
            new Named("a block of lines deleted", FileMutations::deleteBlock),
            new Named("a header-row number replaced", FileMutations::replaceHeaderNumber),
            new Named("a block of lines flattened", (in, r) -> flattenBlock(in, r, null)),
            new Named("a block of lines zeroed", (in, r) -> flattenBlock(in, r, "0")));

    private FileMutations() {}

    private static byte[] changeBytes(byte[] in, Random r) {
        if (in.length == 0) {
            return in;
        }
        byte[] out = in.clone();
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            out[r.nextInt(out.length)] = (byte) r.nextInt(256);
        }
        return out;
    }

    private static byte[] swapLines(byte[] in, Random r) {
        return editLines(in, r, (lines, i) -> {
            int j = r.nextInt(lines.size());
            String a = lines.get(i);
            lines.set(i, lines.get(j));
            lines.set(j, a);
        });
    }

    private static byte[] strayLine(byte[] in, Random r) {
        String stray = switch (r.nextInt(4)) {
            case 0 -> printable(r, r.nextInt(200));
            case 1 -> new String(randomBytes(r, 1 + r.nextInt(50)), StandardCharsets.ISO_8859_1);
            case 2 -> "9".repeat(20_000 + r.nextInt(100_000));
            default -> ODD_TOKENS.get(r.nextInt(ODD_TOKENS.size()));
        };
        return editLines(in, r, (lines, i) -> lines.add(i, stray));
    }

    private static byte[] replaceNumber(byte[] in, Random r) {
        return editLines(in, r, (lines, i) -> lines.set(i, replaceNumberIn(lines.get(i), r)));
    }

    private static byte[] replaceHeaderNumber(byte[] in, Random r) {
        List<String> lines = lines(in);
        if (lines.isEmpty()) {
            return in;
        }
        int i = r.nextInt(Math.min(3, lines.size()));
        lines.set(i, replaceNumberIn(lines.get(i), r));
        return join(lines);
    }

    private static String replaceNumberIn(String line, Random r) {
        Matcher m = NUMBER.matcher(line);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return line;
        }
        int[] s = spans.get(r.nextInt(spans.size()));
        return line.substring(0, s[0]) + ODD_TOKENS.get(r.nextInt(ODD_TOKENS.size())) + line.substring(s[1]);
    }

    private static byte[] nulBytes(byte[] in, Random r) {
        int at = in.length == 0 ? 0 : r.nextInt(in.length);
        byte[] nul = new byte[1 + r.nextInt(8)];
        return splice(in, at, at, nul);
    }

    private static byte[] removeSeparator(byte[] in, Random r) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            for (byte s : SEPARATORS) {
                if (in[i] == s) {
                    at.add(i);
                    break;
                }
            }
        }
        if (at.isEmpty()) {
            return in;
        }
        int i = at.get(r.nextInt(at.size()));
        return splice(in, i, i + 1, new byte[0]);
    }

    private static byte[] addSeparator(byte[] in, Random r) {
        int at = in.length == 0 ? 0 : r.nextInt(in.length);
        return splice(in, at, at, new byte[] {SEPARATORS[r.nextInt(SEPARATORS.length)]});
    }

    private static byte[] repeatBlock(byte[] in, Random r) {
        return editLines(in, r, (lines, i) -> {
            int end = Math.min(lines.size(), i + 1 + r.nextInt(500));
            lines.addAll(end, new ArrayList<>(lines.subList(i, end)));
        });
    }

    private static byte[] deleteBlock(byte[] in, Random r) {
        return editLines(in, r, (lines, i) -> {
            int end = Math.min(lines.size(), i + 1 + r.nextInt(500));
            lines.subList(i, end).clear();
        });
    }

    /**
     * Every number in a block of up to 2,000 lines set to one value ({@code value}, or the
     * block's first number): a sensor stuck or off the skin, a channel without variance.
     */
    private static byte[] flattenBlock(byte[] in, Random r, String value) {
        return editLines(in, r, (lines, i) -> {
            int end = Math.min(lines.size(), i + 1 + r.nextInt(2_000));
            String v = value;
            for (int k = i; k < end; k++) {
                Matcher m = NUMBER.matcher(lines.get(k));
                if (v == null && m.find()) {
                    v = m.group();
                    m.reset();
                }
                if (v != null) {
                    lines.set(k, m.replaceAll(v));
                }
            }
        });
    }

    private interface LineEdit {
        void apply(List<String> lines, int index);
    }

    /** Applies {@code edit} at a random line; bytes outside the lines' text survive as ISO-8859-1. */
    private static byte[] editLines(byte[] in, Random r, LineEdit edit) {
        List<String> lines = lines(in);
        if (lines.isEmpty()) {
            return in;
        }
        edit.apply(lines, r.nextInt(lines.size()));
        return join(lines);
    }

    /** Lines split at LF, each keeping any CR; ISO-8859-1 keeps every byte as it is. */
    private static List<String> lines(byte[] in) {
        String text = new String(in, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static byte[] join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        // a replacement token outside ISO-8859-1 is written as UTF-8
        ByteArrayOutputStream out = new ByteArrayOutputStream(sb.length());
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c < 256) {
                out.write(c);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static byte[] replaceAll(byte[] in, byte from, byte to) {
        byte[] out = in.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == from) {
                out[i] = to;
            }
        }
        return out;
    }

    private static byte[] splice(byte[] in, int from, int to, byte[] insert) {
        byte[] out = new byte[in.length - (to - from) + insert.length];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(in, to, out, from + insert.length, in.length - to);
        return out;
    }

    private static String printable(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) (32 + r.nextInt(95)));
        }
        return sb.toString();
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        for (int i = 0; i < n; i++) {
            if (b[i] == '\n') {
                b[i] = 'x';
            }
        }
        return b;
    }
}
