package org.sessionreview.ingest.annotation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sessionreview.storage.TextEncoding;

/**
 * Field rules shared by the annotation parsers: number and clock-time parsing into seconds, the
 * checks every interval must pass, and which field names hold free text (notes).
 */
public final class RecordFields {
    /**
     * Name parts that mark a field as free text: such fields become the {@link RawAnnotation#note()}
     * and never a modifier (privacy: notes are never copied into canonical annotations).
     */
    private static final Set<String> FREE_TEXT_WORDS = Set.of(
            "note",
            "notes",
            "comment",
            "comments",
            "remark",
            "remarks",
            "memo",
            "description",
            "text",
            "transcript",
            "transcription",
            "freetext");

    /** A decimal number with a comma as decimal mark: {@code -12,5}, {@code 100,250}. */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+");
    /**
     * A number whose dots group thousands, with an optional decimal comma: {@code 1.300}, {@code
     * 1.302,5}, {@code 12.000.000} (how a German or French spreadsheet writes numbers).
     */
    private static final Pattern GROUPED = Pattern.compile("[+-]?[1-9]\\d{0,2}(?:\\.\\d{3})+(?:,\\d*)?");

    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    /**
     * {@code [h:]mm:ss[.fff]}: DyadSync {@code 09:40}, ELAN {@code 00:00:01.629}; the fraction may
     * follow a comma ({@code 00:00:01,629}, as subtitle files and German or French spreadsheets write it).
     */
    private static final Pattern CLOCK = Pattern.compile("(?:(\\d{1,9}):)?(\\d{1,4}):(\\d{1,2}(?:[.,]\\d+)?)");

    /** A decimal number as people and tools write one: digits, an optional point and exponent. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(?:Infinity|NaN)");

    private RecordFields() {}

    /**
     * The text of a time cell without surrounding white space; a NUL byte or another control
     * character in it (a disk block zeroed by a power loss, damaged bytes) is refused, since {@link
     * String#trim()} and {@link Double#parseDouble} would drop it at either end and read {@code
     * 3<NUL><NUL>} (the 30 s of a damaged {@code 30}) as 3 s.
     */
    private static String cell(String field, String text) throws InvalidRecordException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw new InvalidRecordException("field " + field + " holds "
                        + (c == 0 ? "NUL bytes" : "a control character")
                        + " (damaged data, e.g. a disk block zeroed by a power loss): not read as a time");
            }
        }
        return text.trim();
    }

    /**
     * True when a field or tier name denotes free text: one of its words (split at anything that
     * is not a letter or digit, case-insensitive) is note(s), comment(s), remark(s), memo,
     * description, text, transcript(ion) or freetext. Examples: {@code note}, {@code Comment
     * start}, {@code comment@CL}.
     */
    public static boolean isFreeText(String name) {
        if (name == null) {
            return false;
        }
        for (String word : SPLIT.split(name.toLowerCase(Locale.ROOT))) {
            if (FREE_TEXT_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a cell holds no value: null, blank, BORIS's (and R's) missing-value token {@code
     * NA}, or not-a-number in any case and sign ({@code NaN}, {@code nan}, {@code -nan}: how
     * Python, NumPy, MATLAB and spreadsheets write a missing number).
     */
    public static boolean isMissing(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String t = text.trim();
        return t.equals("NA") || NOT_A_NUMBER.matcher(t).matches();
    }

    private static final Pattern NOT_A_NUMBER = Pattern.compile("[+-]?nan", Pattern.CASE_INSENSITIVE);

    /**
     * Parses a time in seconds written as a decimal number ({@code 19.175}).
     *
     * @param field the field or column name used in the reason, e.g. {@code start}; a name the
     *     format or our contract defines, never one read from the file
     * @throws InvalidRecordException "missing required field 'start'" or "field start is not a
     *     number" (the text is never quoted)
     */
    public static double parseSeconds(String field, String text) throws InvalidRecordException {
        return parseSeconds(field, text, Decimals.POINT);
    }

    /** How a file writes the decimal mark of its numbers; see {@link #decimals(char, Iterable)}. */
    public enum Decimals {
        /** Decimal points only (a comma-separated table, JSON): {@code 62.5}. */
        POINT,
        /**
         * Decimal points, and a comma with digits on both sides is a decimal mark too ({@code
         * 62,5}): a table not separated by commas whose numbers do not mostly use decimal commas.
         */
        POINT_OR_COMMA,
        /**
         * Decimal commas ({@code 62,5}); a dot only groups thousands ({@code 1.300} is 1300, {@code
         * 1.302,5} is 1302.5) and is refused anywhere else: a table saved by a spreadsheet in a
         * German or French locale.
         */
        COMMA
    }

    /** A number whose dot can only be a decimal point: {@code 62.5}, {@code 1234.500}, {@code 0.0}. */
    private static final Pattern DECIMAL_POINT = Pattern.compile("[+-]?\\d*\\.\\d+");

    /**
     * How a table's numbers write their decimal mark, decided once per file from its cells: a
     * comma-separated table uses points ({@link Decimals#POINT}: there a comma is a separator or a
     * thousands mark); any other uses decimal commas ({@link Decimals#COMMA}) when more of its cells
     * are numbers with a decimal comma ({@code 62,5}, {@code 1.302,5}) than numbers whose dot can
     * only be a decimal point ({@code 62.5}, {@code 1234.500}, {@code 0.0}), else {@link
     * Decimals#POINT_OR_COMMA}. A cell such as {@code 1.300} (a thousands mark or a decimal point)
     * counts for neither; other text counts for nothing.
     */
    public static Decimals decimals(char separator, Iterable<String> cells) {
        if (separator == ',') {
            return Decimals.POINT;
        }
        int commas = 0;
        int points = 0;
        for (String c : cells) {
            String t = c == null ? "" : c.trim();
            if (DECIMAL_COMMA.matcher(t).matches() || GROUPED.matcher(t).matches() && t.indexOf(',') >= 0) {
                commas++;
            } else if (DECIMAL_POINT.matcher(t).matches() && !GROUPED.matcher(t).matches()) {
                points++;
            }
        }
        return commas > points ? Decimals.COMMA : Decimals.POINT_OR_COMMA;
    }

    /**
     * As {@link #parseSeconds(String, String)}, reading the decimal mark as {@code decimals} says
     * (see {@link Decimals}): with {@link Decimals#COMMA}, {@code 100,250} is 100.25, {@code 1.300}
     * is 1300 and {@code 1.302,5} is 1302.5, and a dot in any other place ({@code 13.5}) is refused
     * as ambiguous, never read as a decimal point; with {@link Decimals#POINT_OR_COMMA} both
     * {@code 13.5} and {@code 13,5} are 13.5 s.
     *
     * @throws InvalidRecordException also "field start is ambiguous: ..." (the text is never
     *     quoted)
     */
    public static double parseSeconds(String field, String text, Decimals decimals) throws InvalidRecordException {
        if (isMissing(text)) {
            throw new InvalidRecordException("missing required field '" + field + "'");
        }
        String t = cell(field, text);
        if (decimals == Decimals.COMMA && GROUPED.matcher(t).matches()) {
            t = t.replace(".", "").replace(',', '.');
        } else if (decimals == Decimals.COMMA && t.indexOf('.') >= 0) {
            throw new InvalidRecordException("field " + field + " is ambiguous: this file writes decimal commas, so a"
                    + " dot may only group thousands (1.300 or 1.302,5)");
        } else if (decimals != Decimals.POINT && DECIMAL_COMMA.matcher(t).matches()) {
            t = t.replace(',', '.');
        }
        if (!DECIMAL.matcher(t).matches() && !NON_FINITE.matcher(t).matches()) {
            // Double.parseDouble reads 0x1p3 as 8 and 12d as 12: no tool writes a time so
            throw new InvalidRecordException("field " + field + " is not a number");
        }
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new InvalidRecordException("field " + field + " is not a finite number");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidRecordException("field " + field + " is not a number");
        }
    }

    /**
     * Parses a time that is either seconds ({@link #parseSeconds(String, String, Decimals)}) or, when
     * the text holds a colon, a clock time ({@link #parseClock}): {@code 62.5}, {@code 62,5} (but
     * for {@link Decimals#POINT}), {@code 01:02.5}, {@code 00:01:02.500} and {@code 00:01:02,500} are
     * all 62.5 s.
     */
    public static double parseTime(String field, String text, Decimals decimals) throws InvalidRecordException {
        if (!isMissing(text) && text.indexOf(':') >= 0) {
            return parseClock(field, text);
        }
        return parseSeconds(field, text, decimals);
    }

    /**
     * Parses a clock time {@code mm:ss}, {@code hh:mm:ss} or either with a decimal fraction of
     * seconds ({@code 00:00:01.629}) into seconds; seconds must be below 60, and minutes too when
     * hours are given ({@code 72:15} without hours is 72 minutes 15 seconds: sessions run past an
     * hour).
     *
     * @throws InvalidRecordException "field start is not a time (mm:ss or hh:mm:ss[.fff])"
     */
    public static double parseClock(String field, String text) throws InvalidRecordException {
        if (isMissing(text)) {
            throw new InvalidRecordException("missing required field '" + field + "'");
        }
        Matcher m = CLOCK.matcher(cell(field, text));
        if (!m.matches()) {
            throw new InvalidRecordException("field " + field + " is not a time (mm:ss or hh:mm:ss[.fff])");
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        int minutes = Integer.parseInt(m.group(2));
        double seconds = Double.parseDouble(m.group(3).replace(',', '.'));
        if ((m.group(1) != null && minutes >= 60) || seconds >= 60) {
            throw new InvalidRecordException("field " + field + " has minutes or seconds of 60 or more");
        }
        return hours * 3600.0 + minutes * 60.0 + seconds;
    }

    /**
     * Checks an interval in seconds from media start.
     *
     * @param endS null for a point event
     * @throws InvalidRecordException "start -1.5 is negative (before media start)" or "end 12.0 is
     *     before start 15.0"
     */
    public static void checkInterval(double startS, Double endS) throws InvalidRecordException {
        if (!Double.isFinite(startS)) {
            throw new InvalidRecordException("start " + startS + " is not a finite number");
        }
        if (startS < 0) {
            throw new InvalidRecordException("start " + startS + " is negative (before media start)");
        }
        if (endS != null) {
            if (!Double.isFinite(endS)) {
                throw new InvalidRecordException("end " + endS + " is not a finite number");
            }
            if (endS < startS) {
                throw new InvalidRecordException("end " + endS + " is before start " + startS);
            }
        }
    }

    /**
     * "not valid JSON at line L, column C": where a JSON parser failed, without Jackson's message
     * (it quotes the offending token, which may be a client identifier).
     *
     * @param lineOffset added to the reported line (for one JSON Lines record: its file line - 1)
     */
    public static String jsonProblem(JsonProcessingException e, long lineOffset) {
        JsonLocation loc = e.getLocation();
        if (loc == null || loc.getLineNr() < 1) {
            return "not valid JSON";
        }
        return "not valid JSON at line " + (loc.getLineNr() + lineOffset)
                + (loc.getColumnNr() > 0 ? ", column " + loc.getColumnNr() : "");
    }

    /**
     * Checks that nothing but white space follows the JSON value {@code p} has just read.
     *
     * @throws InvalidRecordException "trailing content after the JSON object at line L"
     */
    public static void requireEnd(JsonParser p) throws InvalidRecordException {
        long line;
        try {
            if (p.nextToken() == null) {
                return;
            }
            line = p.currentTokenLocation().getLineNr();
        } catch (JsonProcessingException e) {
            line = e.getLocation() == null
                    ? p.currentLocation().getLineNr()
                    : e.getLocation().getLineNr();
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from memory failed", e);
        }
        throw new InvalidRecordException("trailing content after the JSON object at line " + line);
    }

    /**
     * Decodes file content in its {@link org.sessionreview.storage.TextEncoding} (UTF-8, UTF-16 after a byte-order mark, or
     * Windows-1252 for a legacy 8-bit export), dropping a leading byte-order mark. Malformed bytes
     * of a UTF-8 file become U+FFFD rather than failing the file.
     */
    public static String utf8(byte[] content) {
        return TextEncoding.decode(content);
    }
}
