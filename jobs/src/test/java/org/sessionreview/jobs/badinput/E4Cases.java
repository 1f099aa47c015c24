package org.sessionreview.jobs.badinput;

import static org.sessionreview.jobs.badinput.BadInputCase.of;
import static org.sessionreview.jobs.badinput.Expectation.allChannels;
import static org.sessionreview.jobs.badinput.Expectation.reviewed;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Damaged Empatica E4 exports (the client's EDA unless the kind says otherwise). A file line
 * number {@code n + 2} is the n-th sample: rows 1 and 2 are the start time and the rate.
 */
final class E4Cases {
    static final String EDA = "{C}/EDA.csv%";
    static final String ACC = "{C}/ACC.csv%";
    static final String IBI = "{C}/IBI.csv%";
    static final String NAME_IN_EDA = "Jane Roe";
    /** e4-two-exports-joined: the samples in the first part (at 4 Hz, 250 s). */
    static final int JOINED_AFTER_SAMPLE = 1000;

    /** e4-device-restarted: seconds after the EDA start where the first export ends. */
    static final int RESTART_AFTER_S = 200;
    /** e4-device-restarted: seconds between the two exports. */
    static final int RESTART_GAP_S = 60;

    private E4Cases() {}

    /** The six that used to stall or sink a whole run. */
    static final List<String> KILLERS = List.of(
            "e4-header-rows-missing",
            "e4-start-milliseconds",
            "e4-start-year-2100",
            "e4-rate-megahertz",
            "e4-rate-1e-4",
            "e4-10mb-line");

    /** The data rows (from row 3) of an E4 file with every value multiplied by {@code factor}. */
    static List<String> rescaled(List<String> lines, double factor) {
        List<String> out = new ArrayList<>(lines.subList(0, 2));
        for (String l : lines.subList(2, lines.size())) {
            String[] v = l.split(",");
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < v.length; i++) {
                row.append(i == 0 ? "" : ",")
                        .append(String.format(Locale.ROOT, "%.6f", Double.parseDouble(v[i].trim()) * factor));
            }
            out.add(row.toString());
        }
        return out;
    }

    static List<BadInputCase> cases() {
        return List.of(
                of(
                        "e4-header-rows-missing",
                        "The client's EDA file is rejected as a whole (its first row, 0.63, is no start time);"
                                + " the session is reviewed without it and `client:EDA` is listed as missing.",
                        c -> {
                            List<String> l = c.lines(c.channel("EDA"));
                            List<String> data = l.subList(2, l.size());
                            data.set(0, "0.630000");
                            c.writeLines(c.channel("EDA"), data);
                        },
                        reviewed().reject(EDA, 1, Keywords.START).missing("client:EDA")),
                of(
                        "e4-start-milliseconds",
                        "The EDA file is rejected at line 1 (start time not in unix seconds);"
                                + " the session is reviewed without client EDA.",
                        c -> c.setLine(c.channel("EDA"), 1, String.format("%.6f", start(c) * 1000)),
                        reviewed().reject(EDA, 1, Keywords.START).missing("client:EDA")),
                of(
                        "e4-start-year-2100",
                        "The EDA file is rejected (it starts in the year 2100, far from the session);"
                                + " the session is reviewed without client EDA.",
                        c -> c.setLine(c.channel("EDA"), 1, "4102444800.000000"),
                        reviewed().reject(EDA).missing("client:EDA")),
                of(
                        "e4-rate-megahertz",
                        "The EDA file is rejected at line 2 (a rate of 1,000,000 Hz is implausible);"
                                + " the session is reviewed without client EDA.",
                        c -> c.setLine(c.channel("EDA"), 2, "1000000.000000"),
                        reviewed().reject(EDA, 2, Keywords.RATE).missing("client:EDA")),
                of(
                        "e4-rate-1e-4",
                        "The EDA file is rejected at line 2 (a rate of 0.0001 Hz is implausible);"
                                + " the session is reviewed without client EDA.",
                        c -> c.setLine(c.channel("EDA"), 2, "0.000100"),
                        reviewed().reject(EDA, 2, Keywords.RATE).missing("client:EDA")),
                of(
                        "e4-10mb-line",
                        "The one 10 MB line is rejected (its raw text cut short); every other EDA sample is used.",
                        c -> c.setLine(c.channel("EDA"), 1002, "x".repeat(10 << 20)),
                        reviewed().reject(EDA, 1002, null)),
                of(
                        "e4-rate-row-missing",
                        "The EDA file is rejected at line 2 (the first sample, 0, is no sample rate);"
                                + " the session is reviewed without client EDA.",
                        c -> {
                            List<String> l = c.lines(c.channel("EDA"));
                            l.remove(1);
                            c.writeLines(c.channel("EDA"), l);
                        },
                        reviewed().reject(EDA, 2, Keywords.RATE).missing("client:EDA")),
                of(
                        "e4-utf8-bom",
                        "Nothing: a UTF-8 byte order mark before the start time is accepted.",
                        c -> c.write(c.channel("EDA"), TextFiles.BOM + c.read(c.channel("EDA"))),
                        reviewed().clean("%")),
                of(
                        "e4-empty-file",
                        "An empty EDA.csv is one reject row; the session is reviewed without client EDA.",
                        c -> {
                            c.delete(c.channel("EDA"));
                            c.writeRaw("{C}/EDA.csv", new byte[0]);
                        },
                        reviewed().reject(EDA).missing("client:EDA")),
                of(
                        "e4-header-only",
                        "An EDA file with its two header rows and no sample is one reject row;"
                                + " the session is reviewed without client EDA.",
                        c -> c.writeLines(
                                c.channel("EDA"), c.lines(c.channel("EDA")).subList(0, 2)),
                        reviewed().reject(EDA).missing("client:EDA")),
                of(
                        "e4-directory-named-eda",
                        "A folder named EDA.csv (and no EDA file) is one reject row;"
                                + " the session is reviewed without client EDA.",
                        c -> {
                            c.delete(c.channel("EDA"));
                            Files.createDirectories(c.path("{C}/EDA.csv"));
                        },
                        reviewed().reject(EDA).missing("client:EDA")),
                of(
                        "e4-plain-beside-gz",
                        "EDA.csv beside EDA.csv.gz: one of them is read, the other is a reject row saying it was"
                                + " ignored; client EDA is present.",
                        c -> c.write("{C}/EDA.csv", c.read(c.channel("EDA"))),
                        reviewed().reject(EDA)),
                of(
                        "e4-truncated-gzip",
                        "A truncated EDA.csv.gz is one reject row, at the line where it stops; every complete line"
                                + " before the cut is used.",
                        c -> {
                            byte[] b = Files.readAllBytes(c.path(c.channel("EDA")));
                            c.writeRaw(c.channel("EDA"), java.util.Arrays.copyOf(b, b.length / 2));
                        },
                        reviewed()
                                .reject("{C}/EDA.csv.gz", null, "gzip data truncated or corrupt at line")
                                .rejectRows("{C}/EDA.csv.gz", 1)),
                of(
                        "e4-not-gzip",
                        "An EDA.csv.gz that is neither gzip nor text is rejected as not a valid gzip file;"
                                + " the session is reviewed without client EDA.",
                        c -> {
                            byte[] junk = new byte[64 << 10];
                            new Random(7).nextBytes(junk);
                            junk[0] = (byte) 0x80; // neither the gzip magic number nor text
                            c.writeRaw(c.channel("EDA"), junk);
                        },
                        reviewed()
                                .reject("{C}/EDA.csv.gz", null, "not a valid gzip file")
                                .rejectRows("{C}/EDA.csv.gz", 1)
                                .missing("client:EDA")),
                of(
                        "e4-gz-holding-plain-text",
                        "An EDA.csv.gz decompressed and left with its name is read as the plain CSV it holds:"
                                + " no reject, client EDA present.",
                        c -> c.writeRaw(
                                c.channel("EDA"), c.read(c.channel("EDA")).getBytes(StandardCharsets.UTF_8)),
                        reviewed().readWhole("{C}/EDA.csv.gz", 1)),
                of(
                        "e4-csv-holding-gzip",
                        "An EDA.csv that is gzip-compressed (the .gz dropped from its name) is gunzipped:"
                                + " no reject, client EDA present.",
                        c -> {
                            byte[] gz = java.nio.file.Files.readAllBytes(c.path(c.channel("EDA")));
                            c.delete(c.channel("EDA"));
                            c.writeRaw("{C}/EDA.csv", gz);
                        },
                        reviewed().readWhole("{C}/EDA.csv", 1)),
                of(
                        "e4-non-numeric-name",
                        "The line holding a name instead of a number is rejected with its line number,"
                                + " the value is not quoted; the other samples keep their times.",
                        c -> c.setLine(c.channel("EDA"), 102, NAME_IN_EDA),
                        reviewed().reject(EDA, 102, null).canary(NAME_IN_EDA)),
                of(
                        "e4-nan-infinity",
                        "The NaN and Infinity lines are rejected, each with its line number.",
                        c -> {
                            c.setLine(c.channel("EDA"), 102, "NaN");
                            c.setLine(c.channel("EDA"), 103, "Infinity");
                        },
                        reviewed().reject(EDA, 102, null).reject(EDA, 103, null)),
                of(
                        "e4-acc-wrong-columns",
                        "The ACC line with two columns is rejected with its line number.",
                        c -> c.setLine(c.channel("ACC"), 102, "-13,-37"),
                        reviewed().reject(ACC, 102, Keywords.COLUMNS)),
                of(
                        "e4-blank-lines",
                        "Each blank line inside the EDA samples is a reject row; later samples keep their times.",
                        c -> {
                            List<String> l = c.lines(c.channel("EDA"));
                            l.addAll(202, List.of("", "", ""));
                            c.writeLines(c.channel("EDA"), l);
                        },
                        reviewed().reject(EDA, 203, null).reject(EDA, 204, null).reject(EDA, 205, null)),
                of(
                        "e4-crlf",
                        "Nothing: Windows line endings are accepted.",
                        c -> c.write(c.channel("EDA"), c.read(c.channel("EDA")).replace("\n", "\r\n")),
                        reviewed().clean("%")),
                of(
                        "e4-ibi-bad-intervals",
                        "The IBI lines with a negative interval and with an offset not after the previous"
                                + " beat are rejected; the other beats are used.",
                        c -> {
                            List<String> l = c.lines(c.channel("IBI"));
                            l.set(10, l.get(10).split(",")[0] + ",-0.800000");
                            l.set(20, l.get(19).split(",")[0] + "," + l.get(20).split(",")[1]);
                            c.writeLines(c.channel("IBI"), l);
                        },
                        reviewed().reject(IBI, 11, null).reject(IBI, 21, null)),
                of(
                        "e4-ibi-offset-jumps-ahead",
                        "One beat's offset is 300 s too late (a changed digit): that line alone is rejected, as"
                                + " not before the next beat; the beats after it are used (they had all been rejected"
                                + " as not after it).",
                        c -> {
                            List<String> l = c.lines(c.channel("IBI"));
                            String[] f = l.get(30).split(",");
                            l.set(30, String.format("%.6f,%s", Double.parseDouble(f[0]) + 300, f[1]));
                            c.writeLines(c.channel("IBI"), l);
                        },
                        reviewed().reject(IBI, 31, "not before the next beat").rejectRows(IBI, 1)),
                of(
                        "e4-ibi-header-wrong",
                        "The IBI file is rejected at line 1 (header is not `<start>, IBI`);"
                                + " `client:IBI` is listed as missing, heart rate comes from the pulse wave.",
                        c -> c.setLine(c.channel("IBI"), 1, String.format("%.6f, HR", start(c, "IBI"))),
                        reviewed().reject(IBI, 1, null).missing("client:IBI")),
                of(
                        "e4-acc-unequal-starts",
                        "The ACC file is rejected at line 1 (its three start times differ);"
                                + " `client:ACC` is listed as missing.",
                        c -> {
                            double s = start(c, "ACC");
                            c.setLine(c.channel("ACC"), 1, String.format("%.6f, %.6f, %.6f", s, s + 5, s));
                        },
                        reviewed().reject(ACC, 1, Keywords.START).missing("client:ACC")),
                of(
                        "e4-wearer-folder-missing",
                        "A reject row says the client's wearable folder was not found;"
                                + " the session is reviewed on the therapist's data, all client channels listed as missing.",
                        c -> c.delete("{C}"),
                        reviewed().reject("{C}%", null, Keywords.NOT_FOUND).missing(allChannels("client"))),
                of(
                        "e4-channel-file-missing",
                        "No reject: `client:TEMP` is listed under missing channels and its quality is 0.",
                        c -> c.delete(c.channel("TEMP")),
                        reviewed().missing("client:TEMP")),
                of(
                        "e4-binary-garbage",
                        "Binary garbage as EDA is rejected (no raw bytes quoted);"
                                + " the session is reviewed without client EDA.",
                        c -> {
                            byte[] junk = new byte[64 << 10];
                            new Random(42).nextBytes(junk);
                            c.writeRaw(c.channel("EDA"), TextFiles.gzip(junk));
                        },
                        reviewed().reject(EDA).missing("client:EDA")),
                of(
                        "e4-symlink-loop",
                        "An EDA.csv that is a symbolic link to itself is one reject row, without a stall;"
                                + " the session is reviewed without client EDA.",
                        c -> {
                            c.delete(c.channel("EDA"));
                            Files.createSymbolicLink(c.path("{C}/EDA.csv"), Path.of("EDA.csv"));
                        },
                        reviewed().reject(EDA).missing("client:EDA")),
                of(
                        "e4-wearer-is-file",
                        "A plain file where the client's wearable folder should be is a reject row;"
                                + " all client channels are listed as missing.",
                        c -> {
                            c.delete("{C}");
                            c.writeRaw("{C}", "not a folder\n".getBytes(StandardCharsets.UTF_8));
                        },
                        reviewed().reject("{C}%").missing(allChannels("client"))),
                of(
                        "e4-connect-zip",
                        "Nothing: the client's folder holds the export as E4 Connect downloads it, one zip of"
                                + " ACC.csv ... TEMP.csv with info.txt, and nothing else; every channel is read from"
                                + " the zip.",
                        c -> {
                            Path zip = c.path("{C}/" + c.base.clientFolder() + ".zip");
                            try (java.util.zip.ZipOutputStream out =
                                    new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
                                for (String ch : List.of("ACC", "BVP", "EDA", "HR", "IBI", "TEMP")) {
                                    String file = c.channel(ch);
                                    out.putNextEntry(new java.util.zip.ZipEntry(ch + ".csv"));
                                    out.write(TextFiles.readBytes(c.path(file)));
                                    out.closeEntry();
                                    Files.delete(c.path(file));
                                }
                                out.putNextEntry(new java.util.zip.ZipEntry("info.txt"));
                                out.write("E4 export\n".getBytes(StandardCharsets.UTF_8));
                                out.closeEntry();
                            }
                        },
                        reviewed().clean("%")),
                of(
                        "e4-connect-zip-truncated",
                        "An E4 Connect zip cut short in its second entry (a download that stopped) is a reject row"
                                + " saying in which entry it is damaged; the channels before the cut are read, and the"
                                + " cut entry's (BVP's) lines before the damage; the flag reason says which channel"
                                + " groups had no data read.",
                        c -> {
                            Path zip = c.path("{C}/" + c.base.clientFolder() + ".zip");
                            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                            long firstEntry = 0;
                            try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
                                for (String ch : List.of("ACC", "BVP", "EDA", "HR", "IBI", "TEMP")) {
                                    String file = c.channel(ch);
                                    out.putNextEntry(new java.util.zip.ZipEntry(ch + ".csv"));
                                    out.write(TextFiles.readBytes(c.path(file)));
                                    out.closeEntry();
                                    out.flush();
                                    Files.delete(c.path(file));
                                    if (firstEntry == 0) {
                                        firstEntry = bytes.size();
                                    }
                                }
                            }
                            // cut a little into the second entry (BVP)
                            Files.write(zip, java.util.Arrays.copyOf(bytes.toByteArray(), (int) firstEntry + 4096));
                        },
                        reviewed()
                                .reject("{C}/%.zip", 0, "damaged in BVP.csv")
                                .missing("client:EDA", "client:HR", "client:IBI", "client:TEMP")
                                .flagReason("no EDA or skin temperature data read (a file missing or rejected: see the"
                                        + " rejects table)")),
                of(
                        "e4-utf16-unicode-text",
                        "Nothing: an EDA file re-saved as UTF-16 with a byte-order mark (a spreadsheet's \"Unicode"
                                + " text\") is read as the export it came from.",
                        c -> {
                            String eda = c.channel("EDA");
                            byte[] body = c.read(eda).getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
                            byte[] all = new byte[body.length + 2];
                            all[0] = (byte) 0xFF;
                            all[1] = (byte) 0xFE;
                            System.arraycopy(body, 0, all, 2, body.length);
                            c.writeRaw(eda, eda.endsWith(".gz") ? TextFiles.gzip(all) : all);
                        },
                        reviewed().clean("%")),
                of(
                        "e4-lowercase-file-names",
                        "Nothing: channel files named in lower case (eda.csv.gz, ...) beside the E4's"
                                + " own tags.csv and info.txt are read; no channel is missing.",
                        c -> {
                            for (String ch : List.of("EDA", "BVP", "ACC", "TEMP", "HR", "IBI")) {
                                String file = c.channel(ch);
                                Files.move(c.path(file), c.path(file.replace(ch + ".csv", ch.toLowerCase() + ".csv")));
                            }
                            c.write("{C}/tags.csv", String.format("%.2f%n", start(c, "eda") + 60));
                            c.write(
                                    "{C}/info.txt",
                                    "E4 export; .csv files in this archive are in the following format:\n");
                        },
                        reviewed().clean("%")),
                of(
                        "e4-no-final-newline",
                        "Nothing: an EDA file whose last sample has no line end is read.",
                        c -> c.write(c.channel("EDA"), c.read(c.channel("EDA")).stripTrailing()),
                        reviewed().clean("%")),
                of(
                        "e4-decimal-comma",
                        "The EDA line written with a decimal comma (0,63) is rejected with its line number"
                                + " (two columns where one is expected); the other samples keep their times.",
                        c -> c.setLine(c.channel("EDA"), 102, "0,630000"),
                        reviewed().reject(EDA, 102, Keywords.COLUMNS)),
                of(
                        "e4-spreadsheet-locale",
                        "Nothing: EDA and ACC re-saved by a spreadsheet in a comma-decimal locale (semicolons"
                                + " between columns, decimal commas) are read as the export they came from.",
                        c -> {
                            c.write(c.channel("EDA"), c.read(c.channel("EDA")).replace('.', ','));
                            c.write(
                                    c.channel("ACC"),
                                    c.read(c.channel("ACC")).replace(',', ';').replace('.', ','));
                        },
                        reviewed().clean("%")),
                of(
                        "e4-acc-trailing-comma",
                        "Nothing: an ACC file with a comma at the end of every row (header rows too) is read.",
                        c -> c.writeLines(
                                c.channel("ACC"),
                                c.lines(c.channel("ACC")).stream()
                                        .map(l -> l + ",")
                                        .toList()),
                        reviewed().clean("%")),
                of(
                        "e4-two-exports-joined",
                        "An EDA file holding two exports joined (a second pair of header rows after sample 1000,"
                                + " its start 60 s after the first part ends) is read: both header rows are rejected"
                                + " with their line numbers, the later samples keep their own times and the 60 s gap"
                                + " is left missing.",
                        c -> {
                            List<String> l = c.lines(c.channel("EDA"));
                            double rate =
                                    Double.parseDouble(l.get(1).split(",")[0].trim());
                            int split = 2 + JOINED_AFTER_SAMPLE; // part 1: rows 1 and 2 and 1000 samples
                            List<String> joined = new ArrayList<>(l.subList(0, split));
                            joined.add(String.format(Locale.ROOT, "%.6f", start(c) + JOINED_AFTER_SAMPLE / rate + 60));
                            joined.add(l.get(1));
                            joined.addAll(l.subList(split, l.size()));
                            c.writeLines(c.channel("EDA"), joined);
                        },
                        reviewed()
                                .reject(EDA, JOINED_AFTER_SAMPLE + 3, Keywords.JOINED)
                                .reject(EDA, JOINED_AFTER_SAMPLE + 4, Keywords.JOINED)),
                of(
                        "e4-exports-joined-wrong-order",
                        "An EDA file holding two exports joined in the other order (the later one first, its start 60 s"
                                + " after the earlier one ends, as `cat \"EDA (1).csv\" EDA.csv` gives) is read: both"
                                + " header rows of the earlier export are rejected with their line numbers, its samples"
                                + " are placed at their own times before the others and the 60 s gap is left missing.",
                        c -> {
                            List<String> l = c.lines(c.channel("EDA"));
                            double rate =
                                    Double.parseDouble(l.get(1).split(",")[0].trim());
                            int split = 2 + JOINED_AFTER_SAMPLE;
                            List<String> joined = new ArrayList<>();
                            joined.add(String.format(Locale.ROOT, "%.6f", start(c) + JOINED_AFTER_SAMPLE / rate + 60));
                            joined.add(l.get(1));
                            joined.addAll(l.subList(split, l.size()));
                            joined.addAll(l.subList(0, split));
                            c.writeLines(c.channel("EDA"), joined);
                        },
                        reviewed().reject(EDA, null, Keywords.JOINED).rejectRows(EDA, 2)),
                of(
                        "e4-zeroed-block",
                        "An EDA file with 8 KiB zeroed in the middle (NUL bytes where about 900 lines were, as after a"
                                + " power loss on a memory card) is read: one reject row at the block's line says so, the"
                                + " lines it held become as many missing samples and the samples after it keep their"
                                + " times (to within a few samples).",
                        c -> {
                            String text = String.join("\n", c.lines(c.channel("EDA"))) + "\n";
                            int from = 0;
                            for (int line = 1; line < 1003; line++) {
                                from = text.indexOf('\n', from) + 1;
                            }
                            from += 3; // inside line 1003
                            c.write(
                                    c.channel("EDA"),
                                    text.substring(0, from) + "\0".repeat(8192) + text.substring(from + 8192));
                        },
                        reviewed().reject(EDA, 1003, Keywords.ZEROED).rejectRows(EDA, 1)),
                of(
                        "e4-acc-out-of-range",
                        "An ACC line with a value no E4 gives (6400 in 1/64 g: a digit repeated) is rejected with its"
                                + " line number as beyond the sensor's range; its sample stays missing and the others keep"
                                + " their times.",
                        c -> c.setLine(c.channel("ACC"), 100, "6400,-12,55"),
                        reviewed().reject(ACC, 100, Keywords.RANGE).rejectRows(ACC, 1)),
                of(
                        "e4-ibi-trailing-commas",
                        "Nothing: an IBI.csv re-saved with a comma ending every row (header row included) is read.",
                        c -> {
                            List<String> l = c.lines(c.channel("IBI"));
                            c.writeLines(
                                    c.channel("IBI"),
                                    l.stream().map(x -> x + ",").toList());
                        },
                        reviewed().clean(IBI)),
                of(
                        "e4-device-restarted",
                        "Nothing: the client's E4 was restarted " + RESTART_AFTER_S + " s into the recording, so"
                                + " `wearables.client` lists its two exports as an array (the second starting after a "
                                + RESTART_GAP_S + " s gap); they are read as one recording in time order, the gap left"
                                + " missing: no channel is missing and there is no reject row.",
                        E4Cases::restarted,
                        reviewed().clean("%").readWhole("{C}/%.csv%", 6).readWhole("{C}-2/%.csv%", 6)),
                of(
                        "e4-eda-in-nanosiemens",
                        "An EDA file converted to nanosiemens (every value x 1000) is rejected as a whole with a reason"
                                + " that names the likely unit; the session is reviewed without client EDA.",
                        c -> c.writeLines(c.channel("EDA"), rescaled(c.lines(c.channel("EDA")), 1000)),
                        reviewed().reject(EDA, 0, Keywords.UNIT).missing("client:EDA")),
                of(
                        "e4-acc-in-g",
                        "An ACC file converted to g (every value / 64) is rejected as a whole with a reason that names"
                                + " the likely unit (its movement thresholds would otherwise be 64 times too high);"
                                + " the session is reviewed without client ACC.",
                        c -> c.writeLines(c.channel("ACC"), rescaled(c.lines(c.channel("ACC")), 1 / 64.0)),
                        reviewed().reject(ACC, 0, Keywords.UNIT).missing("client:ACC")),
                of(
                                "e4-unreadable-file",
                                "An EDA file the user may not read is one reject row;"
                                        + " the session is reviewed without client EDA.",
                                c -> Files.setPosixFilePermissions(
                                        c.path(c.channel("EDA")), PosixFilePermissions.fromString("---------")),
                                reviewed().reject(EDA).missing("client:EDA"))
                        .nonRootOnly());
    }

    /**
     * Cuts every client channel file at {@link #RESTART_AFTER_S} after the EDA start: the first
     * export keeps the samples before it in {@code {C}}, the second (folder {@code {C}-2}, its own
     * start time in the header, IBI offsets from it) the samples from {@link #RESTART_GAP_S} s
     * later; session.json lists both as {@code wearables.client}.
     */
    private static void restarted(CaseFolder c) throws java.io.IOException {
        double cut = start(c) + RESTART_AFTER_S;
        double resume = cut + RESTART_GAP_S;
        for (String ch : List.of("ACC", "BVP", "EDA", "HR", "TEMP", "IBI")) {
            String file = c.channel(ch);
            List<String> l = c.lines(file);
            double s = Double.parseDouble(l.get(0).split(",")[0].trim());
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            if (ch.equals("IBI")) {
                first.add(l.get(0));
                second.add(String.format(Locale.ROOT, "%.6f, IBI", resume));
                for (String row : l.subList(1, l.size())) {
                    String[] v = row.split(",");
                    double at = s + Double.parseDouble(v[0].trim());
                    if (at < cut) {
                        first.add(row);
                    } else if (at >= resume) {
                        second.add(String.format(Locale.ROOT, "%.6f,%s", at - resume, v[1].trim()));
                    }
                }
            } else {
                double rate = Double.parseDouble(l.get(1).split(",")[0].trim());
                int k = (int) Math.round((cut - s) * rate);
                int k2 = (int) Math.round((resume - s) * rate);
                int columns = l.get(0).split(",").length;
                String header = String.join(
                        ", ",
                        java.util.Collections.nCopies(columns, String.format(Locale.ROOT, "%.6f", s + k2 / rate)));
                first.addAll(l.subList(0, 2 + k));
                second.add(header);
                second.add(l.get(1));
                second.addAll(l.subList(2 + k2, l.size()));
            }
            c.writeLines(file, first);
            c.writeLines(file.replace("{C}/", "{C}-2/"), second);
        }
        com.fasterxml.jackson.databind.node.ObjectNode m = c.manifest();
        ((com.fasterxml.jackson.databind.node.ObjectNode) m.get("wearables"))
                .putArray("client")
                .add(c.base.clientFolder())
                .add(c.base.clientFolder() + "-2");
        c.manifest(m);
    }

    static double start(CaseFolder c) throws java.io.IOException {
        return start(c, "EDA");
    }

    private static double start(CaseFolder c, String channel) throws java.io.IOException {
        return Double.parseDouble(
                c.lines(c.channel(channel)).get(0).split(",")[0].trim());
    }
}
