package org.sessionreview.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sessionreview.config.PipelineConfig;
import org.sessionreview.ingest.annotation.AnnotationNormalizer;
import org.sessionreview.ingest.annotation.AnnotationReader;
import org.sessionreview.ingest.annotation.EventRepeats;
import org.sessionreview.ingest.annotation.RawAnnotation;
import org.sessionreview.ingest.e4.BlockSplitter;
import org.sessionreview.ingest.e4.E4Recording;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.ingest.session.SessionManifest;
import org.sessionreview.ingest.session.SessionManifestParser;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Channel;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;
import org.sessionreview.model.Role;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.storage.Entry;
import org.sessionreview.storage.LocalEntry;
import org.sessionreview.storage.TextEncoding;
import org.sessionreview.taxonomy.Codebook;
import org.sessionreview.taxonomy.CodebookException;

/**
 * Reads one session folder (plain Java, no Flink): validates {@code session.json}, replaces the
 * client identifier by its keyed pseudonym, reads each wearer's E4 export into sample blocks,
 * reads and normalises the annotation files through the codebook, and accounts for every file
 * (size, SHA-256, records read / accepted / rejected). Nothing here throws for bad data: a broken
 * file or record becomes a {@link Reject} and the rest of the session is still read.
 */
public final class SessionIngestor implements Serializable {
    private static final long serialVersionUID = 1L;

    private final PipelineConfig config;
    private final Pseudonymizer pseudonymizer;
    /** The run-wide codebook's JSON text ({@code --codebook}); null when none. */
    private final String runCodebook;

    private transient Codebook runCodebookLoaded;
    private transient org.sessionreview.ingest.e4.E4SampleRanges ranges;

    /**
     * @param runCodebookJson the run-wide codebook ({@code --codebook}) as read by the client, so
     *     the file need not be readable where the job runs; null for none
     */
    public SessionIngestor(PipelineConfig config, Pseudonymizer pseudonymizer, String runCodebookJson) {
        this.config = config;
        this.pseudonymizer = pseudonymizer;
        this.runCodebook = runCodebookJson;
    }

    /**
     * Reads {@code root/folder}. Never throws for anything in the folder: an unexpected failure
     * (a bug met by unusual input) rejects the whole session with the kind of failure, and the
     * other sessions of the run are unaffected.
     */
    public IngestedSession ingest(Path root, String folder) {
        return ingest(LocalEntry.of(root), folder);
    }

    /** As {@link #ingest(Path, String)}, on any file system. */
    public IngestedSession ingest(Entry root, String folder) {
        try {
            return read(root, folder);
        } catch (RuntimeException | StackOverflowError e) {
            // a name this JVM cannot encode (non-ASCII under LANG=C) is no internal error: say how to fix it
            String why = e instanceof java.nio.file.InvalidPathException
                    ? "a file or folder name cannot be encoded in this JVM's file-name encoding ("
                            + System.getProperty("sun.jnu.encoding", "unknown")
                            + "): run with a UTF-8 locale, e.g. LANG=C.UTF-8"
                    : "internal error (" + e.getClass().getSimpleName() + ")";
            IngestedSession failed = new IngestedSession();
            InputFileStats f = new InputFileStats(null, folder + "/", "session");
            f.recordsRead = 1;
            failed.files.add(f);
            rejectFile(
                    failed,
                    f,
                    new Reject(
                            null,
                            folder + "/",
                            0,
                            "the session could not be read: " + why + "; the session is left out of this run",
                            null));
            return failed;
        }
    }

    private IngestedSession read(Entry root, String folder) {
        IngestedSession out = new IngestedSession();
        Entry dir = root.resolve(folder);
        String manifestName = folder + "/" + SessionScanner.MANIFEST;
        InputFileStats mf = new InputFileStats(null, manifestName, "session");
        out.files.add(mf);
        mf.recordsRead = 1;
        SessionManifest m;
        try {
            Entry manifestPath = dir.resolve(SessionScanner.MANIFEST);
            InputHashes.identify(mf, manifestPath);
            // UTF-8, UTF-16 after its byte-order mark, or Windows-1252 as an older Windows editor saves it
            m = SessionManifestParser.parse(TextEncoding.decode(manifestPath.readAllBytes()));
        } catch (SessionManifestParser.InvalidManifestException e) {
            // the raw text holds client_id: never quoted
            rejectFile(out, mf, new Reject(null, manifestName, e.line(), "session.json: " + e.getMessage(), null));
            return out;
        } catch (IOException e) {
            rejectFile(
                    out,
                    mf,
                    new Reject(
                            null,
                            manifestName,
                            0,
                            "cannot read session.json (" + e.getClass().getSimpleName() + ")",
                            null));
            return out;
        }
        mf.sessionId = m.sessionId();
        mf.recordsAccepted = 1;

        SessionInfo info = info(m, folder);
        out.info = info;
        long endMillis = info.mediaStartMillis;
        List<SampleBlock> blocks = new ArrayList<>();
        BlockSplitter splitter = new BlockSplitter(config.features());
        Map<Role, E4Recording> recordings =
                Wearers.read(out, info, dir, folder, m.wearableParts(), config.e4MaxDurationHours(), ranges());
        m.wearableParts().forEach((role, parts) -> {
            if (parts.size() > 1) {
                info.multiPartWearers.add(role.id());
            }
        });
        for (Map.Entry<Role, E4Recording> w : recordings.entrySet()) {
            endMillis = Math.max(endMillis, addWearer(info, w.getKey(), w.getValue(), splitter, blocks));
        }
        out.blocks.addAll(BlockSplitter.interleave(blocks));

        Codebook codebook = codebook(out, m, dir, folder);
        AnnotationNormalizer normalizer = new AnnotationNormalizer(codebook);
        double recordedS = (endMillis - info.mediaStartMillis) / 1000.0;
        double limitS = AnnotationRange.limitS(m.durationS(), info.wearers.isEmpty() ? null : recordedS);
        // SHA-256, and "name " + the name folded to lower case -> the name it was first read by
        Map<String, String> listed = new java.util.HashMap<>();
        EventRepeats.InSession events = new EventRepeats.InSession(); // the events read so far
        for (String name : m.annotations()) {
            Entry file = SessionPaths.resolve(dir, name);
            // the entry's own name: the manifest parser has refused '..' and absolute names, so it
            // names something in this folder (a link leading out is still refused, unread)
            readAnnotations(out, m.sessionId(), file, folder + "/" + name, normalizer, limitS, listed, events);
        }
        out.annotations.sort(Annotation.ORDER);
        info.annotationCount = out.annotations.size();
        double lastAnnotationS = out.annotations.stream()
                .mapToDouble(Annotation::endOrStartS)
                .max()
                .orElse(0);
        if (m.durationS() != null) {
            info.durationS = m.durationS();
            info.durationDeclared = true;
        } else {
            info.durationS = Math.max(recordedS, lastAnnotationS);
        }
        return out;
    }

    private SessionInfo info(SessionManifest m, String folder) {
        SessionInfo info = new SessionInfo();
        info.sessionId = m.sessionId();
        info.therapistId = m.therapistId();
        info.clientKey = pseudonymizer.pseudonym(m.clientId());
        info.sessionNumber = m.sessionNumber();
        info.mediaStartMillis = m.mediaStart().toInstant().toEpochMilli();
        info.mediaStartText = m.mediaStart().toString();
        info.sessionDate = m.mediaStart().toLocalDate().toString();
        info.consentSupervision = m.consentSupervision();
        info.consentResearch = m.consentResearch();
        info.metadataJson = m.metadataJson();
        info.folder = folder;
        return info;
    }

    /** Adds a wearer's blocks; returns the end of its recording (epoch ms), or 0 when it has no data. */
    private static long addWearer(
            SessionInfo info, Role role, E4Recording rec, BlockSplitter splitter, List<SampleBlock> blocks) {
        for (Channel c : Channel.values()) {
            if (rec.channel(c).isEmpty()) {
                info.missingChannels.add(role.id() + ":" + c.name());
            }
        }
        if (rec.presentChannels().isEmpty()) {
            return 0;
        }
        info.wearers.add(role.id());
        blocks.addAll(splitter.stream(rec, role, info.mediaStartMillis));
        return rec.endMillis();
    }

    private Codebook codebook(IngestedSession out, SessionManifest m, Entry dir, String folder) {
        Codebook book = runCodebook();
        if (m.codebook() == null) {
            return book;
        }
        Entry file = SessionPaths.resolve(dir, m.codebook());
        String name = folder + "/" + m.codebook();
        InputFileStats f = new InputFileStats(m.sessionId(), name, "codebook");
        f.recordsRead = 1;
        out.files.add(f);
        if (file == null || !file.isRegularFile()) {
            rejectFile(
                    out,
                    f,
                    new Reject(
                            m.sessionId(),
                            name,
                            0,
                            (file == null
                                            ? "codebook " + SessionPaths.OUTSIDE
                                            : "codebook file listed in session.json not found")
                                    + "; site labels of this session will not map",
                            null));
            return book;
        }
        InputHashes.identify(f, file);
        try {
            Codebook.Loaded session = Codebook.loadEntries(file, name);
            f.recordsRead = Math.max(1, session.entries());
            f.recordsRejected = session.problems().size();
            f.recordsAccepted = f.recordsRead - f.recordsRejected;
            for (Codebook.EntryProblem p : session.problems()) {
                // the reasons name sections and positions only, never a site's label or name
                out.rejects.add(new Reject(
                        m.sessionId(),
                        name,
                        p.line(),
                        (p.repeat()
                                        ? "codebook entry repeated, read once (the first is used): "
                                        : "codebook entry not used (" + p.consequence() + "): ")
                                + p.reason(),
                        null));
            }
            if (!session.problems().isEmpty()) {
                f.firstReject = out.rejects
                        .get(out.rejects.size() - session.problems().size())
                        .located();
            }
            return book.overriddenBy(session.codebook());
        } catch (RuntimeException e) { // CodebookException is one
            rejectFile(
                    out,
                    f,
                    new Reject(
                            m.sessionId(),
                            name,
                            0,
                            "codebook unusable, site labels of this session will not map: "
                                    + (e instanceof CodebookException
                                            ? e.getMessage()
                                            : "internal error (" + e.getClass().getSimpleName() + ")"),
                            null));
            return book;
        }
    }

    private org.sessionreview.ingest.e4.E4SampleRanges ranges() {
        if (ranges == null) {
            ranges = org.sessionreview.ingest.e4.E4SampleRanges.of(config);
        }
        return ranges;
    }

    private Codebook runCodebook() {
        if (runCodebookLoaded == null) {
            runCodebookLoaded =
                    runCodebook == null ? Codebook.canonicalOnly() : Codebook.parse(runCodebook, "--codebook");
        }
        return runCodebookLoaded;
    }

    private static void readAnnotations(
            IngestedSession out,
            String sessionId,
            Entry file,
            String name,
            AnnotationNormalizer normalizer,
            double limitS,
            Map<String, String> listed,
            EventRepeats.InSession events) {
        InputFileStats f = new InputFileStats(sessionId, name, "annotations");
        out.files.add(f);
        if (file == null || !file.isRegularFile()) {
            f.recordsRead = 1;
            rejectFile(
                    out,
                    f,
                    new Reject(
                            sessionId,
                            name,
                            0,
                            file == null
                                    ? "annotation file " + SessionPaths.OUTSIDE
                                    : "annotation file listed in session.json "
                                            + (file.exists() ? "is not a regular file" : "not found"),
                            null));
            return;
        }
        if (InputHashes.rejectOversized(out, f, file, sessionId, name)) {
            return; // a video listed by mistake: neither hashed nor read
        }
        InputHashes.identify(f, file);
        String earlier = f.sha256 == null || f.sizeBytes == 0 ? null : listed.putIfAbsent(f.sha256, name);
        if (earlier != null) {
            // the same name twice, another case of it on a case-insensitive disk, a link or a copy:
            // read again, every coded event in it would count twice
            f.recordsRead = 1;
            rejectFile(
                    out,
                    f,
                    new Reject(
                            sessionId,
                            name,
                            0,
                            "the same file as " + earlier + " (the same bytes, SHA-256), listed again in session.json:"
                                    + " not read a second time, its events would count twice",
                            null));
            return;
        }
        String sameName = listed.putIfAbsent("name " + SessionPaths.folded(name), name);
        if (sameName != null) {
            // S1.eaf and s1.EAF: one file on a case-insensitive disk (where codings are made), so
            // two versions of one coding here; both read, its events would count twice (the rule
            // for channel files in any case: one read, the other not)
            f.recordsRead = 1;
            rejectFile(
                    out,
                    f,
                    new Reject(
                            sessionId,
                            name,
                            0,
                            sameName.equals(name)
                                    ? "listed again in session.json: not read a second time, its events would"
                                            + " count twice"
                                    : "its name differs from " + sameName + " only in case: not read (on Windows"
                                            + " and macOS, where codings are made, the two names are one file, so"
                                            + " this is another version of that coding and its events would count"
                                            + " twice); give a different coding a name that differs in more than"
                                            + " case",
                            null));
            return;
        }
        ParseResult<Annotation> result;
        try {
            ParseResult<RawAnnotation> parsed;
            try (java.io.InputStream in = file.open()) {
                parsed = AnnotationReader.read(in, file.name(), name, sessionId);
            }
            result = AnnotationRange.check(normalizer.normalizeAll(parsed, sessionId, limitS), limitS);
        } catch (IOException | RuntimeException e) {
            f.recordsRead = 1;
            rejectFile(
                    out,
                    f,
                    new Reject(
                            sessionId,
                            name,
                            0,
                            "cannot read the annotation file (" + e.getClass().getSimpleName() + ")",
                            null));
            return;
        }
        RejectPrivacy.scrubAnnotationRejects(result.rejects());
        events.rejectRepeats(result, sessionId);
        f.recordsRead = result.recordsRead();
        f.recordsAccepted = result.records().size();
        f.recordsRejected = f.recordsRead - f.recordsAccepted;
        if (!result.rejects().isEmpty()) {
            Reject first = result.rejects().get(0);
            f.firstReject = first.located();
        }
        out.annotations.addAll(result.records());
        out.rejects.addAll(result.rejects());
    }

    /** Rejects a whole file: all its records count as rejected, {@code r} says why. */
    static void rejectFile(IngestedSession out, InputFileStats f, Reject r) {
        out.rejects.add(r);
        f.recordsRejected = f.recordsRead;
        f.recordsAccepted = 0;
        f.firstReject = r.located();
    }
}
