package org.sessionreview.jobs.badinput;

import static org.sessionreview.jobs.badinput.BadInputCase.of;
import static org.sessionreview.jobs.badinput.Expectation.allChannels;
import static org.sessionreview.jobs.badinput.Expectation.notReviewed;
import static org.sessionreview.jobs.badinput.Expectation.reviewed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Broken or hostile {@code session.json} files, and paths that lead out of the session folder. */
final class ManifestCases {
    static final String MANIFEST = "session.json";
    /** A token of {@code /etc/passwd} that must never reach an output. */
    static final String PASSWD = "root:x:0";

    static final String OUTSIDE_NOTE = "Outside Folder Canary Konstantin Weiss";

    private ManifestCases() {}

    static java.util.List<BadInputCase> cases() {
        return java.util.List.of(
                of(
                        "json-broken-unquoted-client-id",
                        "The session is one reject row naming session.json and the line;"
                                + " the unquoted client id is quoted nowhere.",
                        c -> c.write(
                                MANIFEST,
                                c.read(MANIFEST)
                                        .replaceFirst(
                                                "\"client_id\"\\s*:\\s*\"[^\"]*\"",
                                                "\"client_id\": Rosalind Canary-Pierce")),
                        notReviewed()
                                .reject(MANIFEST, null, Keywords.JSON)
                                .canary("Rosalind Canary-Pierce", "Rosalind")),
                of(
                        "json-missing-fields",
                        "One reject row lists every missing field of session.json; the session is not reviewed.",
                        c -> {
                            ObjectNode m = c.manifest();
                            m.remove("therapist_id");
                            m.remove("consent");
                            c.manifest(m);
                        },
                        notReviewed()
                                .reject(MANIFEST, null, Keywords.THERAPIST_ID)
                                .reject(MANIFEST, null, Keywords.CONSENT)),
                of(
                        "json-utf8-bom",
                        "Nothing: a session.json starting with a byte order mark is read.",
                        c -> c.write(MANIFEST, TextFiles.BOM + c.read(MANIFEST)),
                        reviewed().clean("%")),
                of(
                        "json-windows-1252",
                        "Nothing: a session.json saved by an older Windows editor as \"ANSI\" (Windows-1252), its"
                                + " client id holding non-ASCII letters, is read; the client id is quoted nowhere.",
                        c -> {
                            String text = c.read(MANIFEST)
                                    .replaceFirst(
                                            "\"client_id\"\\s*:\\s*\"[^\"]*\"", "\"client_id\": \"Jörg Canary-Weiß\"");
                            if (!text.contains("Canary-Wei")) {
                                throw new IllegalStateException("no client_id to replace in " + MANIFEST);
                            }
                            c.writeRaw(MANIFEST, text.getBytes(java.nio.charset.Charset.forName("windows-1252")));
                        },
                        reviewed().clean("%").canary("Canary-Wei")),
                of(
                        "json-hand-edited",
                        "Nothing: a session.json with a // comment, a /* comment */ and trailing commas (edited by"
                                + " hand) is read.",
                        c -> c.write(
                                MANIFEST,
                                "// recorded in room B\n"
                                        + c.read(MANIFEST).strip().replaceFirst("\\}$", ", /* checked 2026-03 */ }\n")),
                        reviewed().clean("%")),
                of(
                        "json-field-twice",
                        "A session.json giving therapist_id twice is rejected (which value is meant is unknown),"
                                + " at the line of the second; the session is not reviewed.",
                        c -> c.write(MANIFEST, c.read(MANIFEST).replaceFirst("\\{", "{\n  \"therapist_id\": \"T99\",")),
                        notReviewed().reject(MANIFEST, null, "a field given twice")),
                of(
                        "json-second-object",
                        "A session.json holding a second JSON object after the first is rejected;"
                                + " the session is not reviewed.",
                        c -> c.write(MANIFEST, c.read(MANIFEST) + "{\"session_id\": \"" + c.sessionId + "-B\"}\n"),
                        notReviewed().reject(MANIFEST)),
                of(
                        "json-duplicate-session-id",
                        "A folder repeating an earlier folder's session_id is one reject row;"
                                + " the earlier session is reviewed unchanged.",
                        c -> {
                            ObjectNode m = c.manifest();
                            m.put("session_id", BadInputCorpus.INTACT_ID);
                            c.manifest(m);
                        },
                        reviewed().sessionId(BadInputCorpus.INTACT_ID).reject(MANIFEST, null, Keywords.DUPLICATE)),
                of(
                        "json-no-session-json",
                        "A folder without session.json is one reject row (not a session folder).",
                        c -> c.delete(MANIFEST),
                        notReviewed().reject("", null, Keywords.NO_MANIFEST)),
                of(
                        "json-is-directory",
                        "A session.json that is a folder is one reject row; the session is not reviewed.",
                        c -> {
                            c.delete(MANIFEST);
                            Files.createDirectories(c.path(MANIFEST));
                        },
                        notReviewed().reject("%")),
                of(
                        "json-media-start-without-offset",
                        "session.json is rejected: media_start needs an offset;" + " the session is not reviewed.",
                        c -> {
                            ObjectNode m = c.manifest();
                            m.put("media_start", m.get("media_start").asText().substring(0, 19));
                            c.manifest(m);
                        },
                        notReviewed().reject(MANIFEST, null, Keywords.MEDIA_START)),
                of(
                        "json-media-start-space-basic-offset",
                        "Nothing: media_start written with a space before the time and an offset without a colon (2026-03-05 10:00:00+0100, as `date +%F %T%z` or Python's strftime writes it) is read as the same instant.",
                        c -> {
                            ObjectNode m = c.manifest();
                            java.time.OffsetDateTime t = java.time.OffsetDateTime.parse(
                                    m.get("media_start").asText());
                            m.put(
                                    "media_start",
                                    t.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxx")));
                            c.manifest(m);
                        },
                        reviewed().clean("%")),
                of(
                        "json-media-start-two-hours-late",
                        "The wearables' recordings end before the video starts (media_start two hours late, as when a local time is written with the offset +00:00): no anxiety moment is placed outside the video, and a flag reason for each wearer says its data cover 0 % of the video and asks to check media_start and its UTC offset.",
                        c -> {
                            ObjectNode m = c.manifest();
                            java.time.OffsetDateTime t = java.time.OffsetDateTime.parse(
                                    m.get("media_start").asText());
                            m.put("media_start", t.plusHours(2).toString());
                            c.manifest(m);
                        },
                        reviewed()
                                .clean("%")
                                .flagReason("client sensor data cover 0 % of the video")
                                .flagReason("therapist sensor data cover 0 % of the video")),
                of(
                        "json-session-number-zero",
                        "session.json is rejected: session_number must be at least 1.",
                        c -> {
                            ObjectNode m = c.manifest();
                            m.put("session_number", 0);
                            c.manifest(m);
                        },
                        notReviewed().reject(MANIFEST, null, Keywords.SESSION_NUMBER)),
                of(
                        "json-unknown-wearable-role",
                        "session.json is rejected: wearables names a role other than client or therapist.",
                        c -> {
                            ObjectNode m = c.manifest();
                            ((ObjectNode) m.get("wearables")).put("observer", c.base.clientFolder());
                            c.manifest(m);
                        },
                        notReviewed().reject(MANIFEST, null, Keywords.ROLE)),
                of(
                        "json-wearables-path-escape",
                        "session.json is rejected: wearables names a folder outside the session folder"
                                + " (../INTACT/...); no other session's data is read.",
                        c -> {
                            c.delete("{C}");
                            ObjectNode m = c.manifest();
                            ((ObjectNode) m.get("wearables")).put("client", "../INTACT/" + c.base.clientFolder());
                            c.manifest(m);
                        },
                        notReviewed().reject(MANIFEST, null, Keywords.INSIDE).noSignalRowsFor("client")),
                of(
                        "json-wearables-same-folder",
                        "session.json is rejected: wearables names the client's folder for the therapist too (one device's data would be read as both people's, synchrony with itself); the session is not reviewed.",
                        c -> {
                            ObjectNode m = c.manifest();
                            ((ObjectNode) m.get("wearables")).put("therapist", c.base.clientFolder());
                            c.manifest(m);
                        },
                        notReviewed().reject(MANIFEST, null, Keywords.SAME_FOLDER)),
                of(
                        "e4-same-recording-both-wearers",
                        "The client's EDA file is copied into the therapist's folder: both copies are rejected as whole"
                                + " files (one device's recording cannot be both people's) and EDA is missing for both;"
                                + " the rest of the session is reviewed.",
                        c -> Files.copy(
                                c.path(c.channel("EDA")),
                                c.path(c.channel("{T}", "EDA")),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING),
                        reviewed()
                                .reject("{C}/EDA.csv%", null, Keywords.IDENTICAL)
                                .reject("{T}/EDA.csv%", null, Keywords.IDENTICAL)
                                .missing("client:EDA", "therapist:EDA")),
                of(
                        "json-annotation-absolute-path",
                        "session.json is rejected: an annotations entry /etc/passwd is no file of the"
                                + " session folder; nothing of that file is read or written, and no path outside the sessions root"
                                + " appears in run.json.",
                        c -> c.listAnnotation("/etc/passwd"),
                        notReviewed()
                                .reject(MANIFEST, null, Keywords.INSIDE)
                                .canary(PASSWD)
                                .annotationsFrom("%etc/passwd%", 0)),
                of(
                        "json-codebook-path-escape",
                        "session.json is rejected: its codebook path leads out of the session folder;"
                                + " nothing outside is read.",
                        c -> {
                            ObjectNode m = c.manifest();
                            m.put("codebook", "../INTACT/session.json");
                            c.manifest(m);
                        },
                        notReviewed().reject(MANIFEST, null, Keywords.INSIDE)),
                of(
                        "annotation-symlink-out",
                        "An annotation file that is a symbolic link out of the session folder is a reject"
                                + " row and is not read; the rest of the session is reviewed.",
                        c -> {
                            Path outside = Files.createDirectories(c.root.resolve(".outside"));
                            Files.writeString(
                                    outside.resolve(c.sessionId + ".jsonl"),
                                    "{\"start\": 10, \"code\": \"ANX_STR_SIGH\", \"actor\": \"client\", \"note\": \""
                                            + OUTSIDE_NOTE + "\"}\n",
                                    StandardCharsets.UTF_8);
                            Files.createSymbolicLink(
                                    c.path("linked.jsonl"), Path.of("..", ".outside", c.sessionId + ".jsonl"));
                            c.listAnnotation("linked.jsonl");
                        },
                        reviewed()
                                .reject("linked.jsonl", null, Keywords.INSIDE)
                                .annotationsFrom("linked.jsonl", 0)
                                .canary(OUTSIDE_NOTE)),
                of(
                        "wearer-symlink-out",
                        "A client wearable folder that is a symbolic link to another session's folder is"
                                + " a reject row; that session's data is not read; the session is reviewed without client data.",
                        c -> {
                            c.delete("{C}");
                            Files.createSymbolicLink(c.path("{C}"), Path.of("..", "INTACT", c.base.clientFolder()));
                        },
                        reviewed()
                                .reject("{C}%", null, Keywords.INSIDE)
                                .missing(allChannels("client"))
                                .noSignalRowsFor("client")));
    }
}
