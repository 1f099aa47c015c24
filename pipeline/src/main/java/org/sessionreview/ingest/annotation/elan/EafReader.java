package org.sessionreview.ingest.annotation.elan;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sessionreview.storage.TextEncoding;

/**
 * Reads an EAF file into an {@link EafDocument} with the JDK's own StAX implementation ({@link
 * XMLInputFactory#newDefaultFactory()}, whatever other StAX provider is on the class path, so that
 * behaviour and line numbers do not depend on the deployment), keeping each annotation element's
 * line number. DTDs and external entities are disabled (an EAF has neither; this also shuts out
 * XXE): a document that uses an entity is rejected as malformed. Error reasons give the line and
 * column only, never the XML parser's message (it quotes names and text from the document). The
 * bytes are decoded here ({@link #text}): a UTF-8 byte-order mark is accepted, a damaged byte is
 * U+FFFD and marks the document {@link EafDocument#damaged}. A UTF-16 byte-order mark decides
 * the encoding whatever the XML declaration says: a file re-saved as "Unicode" by a text editor
 * (Windows Notepad) is UTF-16 but keeps ELAN's {@code encoding="UTF-8"}, which the JDK's parser
 * would otherwise follow and fail on. Package-private.
 */
final class EafReader {
    private static final XMLInputFactory FACTORY = factory();

    private EafReader() {}

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** Thrown for a document that cannot be read at all; carries the line of the fault. */
    static final class MalformedEafException extends Exception {
        private static final long serialVersionUID = 1L;
        final long line;

        MalformedEafException(String message, long line) {
            super(message);
            this.line = line;
        }
    }

    /** UTF-16LE or UTF-16BE when {@code content} starts with that byte-order mark, else null. */
    static Charset utf16ByOrderMark(byte[] content) {
        if (content.length >= 2 && (content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        if (content.length >= 2 && (content[0] & 0xff) == 0xfe && (content[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** The reason of an annotation holding a damaged byte ({@link EafDocument#damaged}). */
    static final String DAMAGED = "a damaged byte: not text in the file's encoding";

    /** The decoded text, and whether a byte was not text in the encoding (it became U+FFFD). */
    record Decoded(String text, boolean damaged) {}

    /**
     * The document's text. Its encoding: after a UTF-16 byte-order mark, that UTF-16; UTF-16LE
     * or UTF-16BE when the bytes start {@code 3C 00 3F 00} or {@code 00 3C 00 3F} (a declaration
     * written in UTF-16 without a mark, XML 1.0 Appendix F); else the one its declaration names, a
     * UTF-8 byte-order mark dropped, UTF-8 when none is named. A name the JVM does not know is a
     * {@link MalformedEafException} naming it, never a guess. A document read as UTF-8 in which
     * bytes above 0x7F occur and none forms a UTF-8 sequence is read as Windows-1252 ({@link
     * TextEncoding#legacyText}, the rule of every other text format: an .eaf saved by a Western
     * European Windows tool keeping ELAN's {@code encoding="UTF-8"}). Any other byte that is not
     * text in the encoding (a damaged byte: one flipped in otherwise valid UTF-8) becomes U+FFFD and
     * {@link Decoded#damaged} is set, so the annotations holding it are rejected ({@link #DAMAGED})
     * and the rest of the file is read; given the bytes, the XML parser refused the whole file and
     * printed the decoder's error on the console.
     */
    static Decoded text(byte[] content) throws MalformedEafException {
        Charset utf16 = utf16ByOrderMark(content);
        if (utf16 != null) {
            return decode(content, 2, utf16);
        }
        utf16 = utf16ByDeclaration(content);
        if (utf16 != null) {
            return decode(content, 0, utf16);
        }
        int from = content.length >= 3
                        && (content[0] & 0xff) == 0xef
                        && (content[1] & 0xff) == 0xbb
                        && (content[2] & 0xff) == 0xbf
                ? 3
                : 0;
        Charset declared = declaredEncoding(content, from);
        if (declared.equals(StandardCharsets.UTF_8) && TextEncoding.legacyText(content)) {
            declared = TextEncoding.LEGACY;
        }
        return decode(content, from, declared);
    }

    /** UTF-16LE or UTF-16BE when the bytes start {@code <?} in it (XML 1.0 Appendix F), else null. */
    static Charset utf16ByDeclaration(byte[] b) {
        if (b.length >= 4 && b[0] == 0x3C && b[1] == 0 && b[2] == 0x3F && b[3] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 4 && b[0] == 0 && b[1] == 0x3C && b[2] == 0 && b[3] == 0x3F) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static Decoded decode(byte[] content, int from, Charset charset) {
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, from, content.length - from))
                    .toString();
            return new Decoded(text, false);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(content, from, content.length - from, charset), true);
        }
    }

    private static final java.util.regex.Pattern DECLARED =
            java.util.regex.Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']");

    /** The encoding named by the XML declaration at {@code content[from..]}; UTF-8 when none. */
    private static Charset declaredEncoding(byte[] content, int from) throws MalformedEafException {
        String head = new String(content, from, Math.min(200, content.length - from), StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = DECLARED.matcher(head);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new MalformedEafException(
                    "the XML declaration names the encoding " + m.group(1)
                            + ", which this reader does not know (the file is not read rather than guessed)",
                    1);
        }
    }

    static EafDocument read(byte[] content) throws MalformedEafException {
        EafDocument doc = new EafDocument();
        XMLStreamReader r = null;
        boolean masterFound = false;
        EafDocument.Tier tier = null;
        EafDocument.Ann ann = null;
        StringBuilder value = null;
        String cvId = null;
        String entryId = null;
        List<String> entryValues = null;
        StringBuilder cvText = null;
        boolean sawRoot = false;
        Decoded decoded = text(content);
        doc.damaged = decoded.damaged();
        try {
            r = FACTORY.createXMLStreamReader(new java.io.StringReader(decoded.text()));
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    long line = lineOf(r.getLocation());
                    switch (name) {
                        case "ANNOTATION_DOCUMENT" -> sawRoot = true;
                        case "MEDIA_DESCRIPTOR" -> {
                            if (!masterFound && attr(r, "EXTRACTED_FROM") == null) {
                                masterFound = true;
                                doc.masterMediaUrl = attr(r, "MEDIA_URL");
                                doc.timeOriginMs = timeOrigin(attr(r, "TIME_ORIGIN"), line);
                            }
                        }
                        case "TIME_SLOT" -> readSlot(r, doc);
                        case "TIER" -> {
                            tier = new EafDocument.Tier(
                                    attr(r, "TIER_ID"),
                                    attr(r, "LINGUISTIC_TYPE_REF"),
                                    attr(r, "PARTICIPANT"),
                                    attr(r, "PARENT_REF"));
                            doc.tiers.add(tier);
                            doc.tiersById.putIfAbsent(tier.id, tier);
                        }
                        case "ALIGNABLE_ANNOTATION", "REF_ANNOTATION" -> {
                            if (tier == null) {
                                throw new MalformedEafException(name + " outside a TIER", line);
                            }
                            boolean alignable = name.equals("ALIGNABLE_ANNOTATION");
                            ann = new EafDocument.Ann(
                                    tier,
                                    attr(r, "ANNOTATION_ID"),
                                    alignable,
                                    attr(r, "TIME_SLOT_REF1"),
                                    attr(r, "TIME_SLOT_REF2"),
                                    attr(r, "ANNOTATION_REF"),
                                    attr(r, "PREVIOUS_ANNOTATION"),
                                    attr(r, "CVE_REF"),
                                    line);
                            tier.annotations.add(ann);
                            if (ann.id != null && doc.annotationsById.putIfAbsent(ann.id, ann) != null) {
                                doc.sharedIds.add(ann.id);
                            }
                        }
                        case "ANNOTATION_VALUE" -> value = new StringBuilder();
                        case "LINGUISTIC_TYPE" ->
                            doc.types.put(
                                    attr(r, "LINGUISTIC_TYPE_ID"),
                                    new EafDocument.LinguisticType(
                                            attr(r, "LINGUISTIC_TYPE_ID"),
                                            attr(r, "CONSTRAINTS"),
                                            attr(r, "CONTROLLED_VOCABULARY_REF")));
                        case "CONTROLLED_VOCABULARY" -> {
                            cvId = attr(r, "CV_ID");
                            doc.vocabularies.putIfAbsent(cvId, new ArrayList<>());
                        }
                        case "CV_ENTRY_ML" -> {
                            entryId = attr(r, "CVE_ID");
                            entryValues = new ArrayList<>();
                        }
                        case "CV_ENTRY" -> { // EAF <= 2.7: the value is the element text
                            entryId = attr(r, "CVE_ID");
                            entryValues = new ArrayList<>();
                            cvText = new StringBuilder();
                        }
                        case "CVE_VALUE" -> cvText = new StringBuilder();
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (value != null) {
                        value.append(r.getText());
                    } else if (cvText != null) {
                        cvText.append(r.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "TIER" -> tier = null;
                        case "ANNOTATION_VALUE" -> {
                            if (ann != null) {
                                ann.value = value.toString().trim();
                            }
                            value = null;
                        }
                        case "ALIGNABLE_ANNOTATION", "REF_ANNOTATION" -> ann = null;
                        case "CVE_VALUE" -> {
                            if (entryValues != null) {
                                entryValues.add(cvText.toString().trim());
                            }
                            cvText = null;
                        }
                        case "CV_ENTRY", "CV_ENTRY_ML" -> {
                            if (cvText != null) {
                                entryValues.add(cvText.toString().trim());
                                cvText = null;
                            }
                            if (cvId != null && entryValues != null) {
                                doc.vocabularies.get(cvId).add(new EafDocument.CvEntry(entryId, entryValues));
                            }
                            entryValues = null;
                            entryId = null;
                        }
                        case "CONTROLLED_VOCABULARY" -> cvId = null;
                        default -> {}
                    }
                }
            }
        } catch (XMLStreamException e) {
            // never the parser's message: it quotes names and text from the document
            throw malformed(e.getLocation());
        } catch (RuntimeException e) {
            // some StAX implementations report errors found while reading text lazily, unchecked
            throw malformed(r == null ? null : r.getLocation());
        } finally {
            close(r);
        }
        if (!sawRoot) {
            throw new MalformedEafException("not an EAF document: no ANNOTATION_DOCUMENT element", 0);
        }
        return doc;
    }

    private static void readSlot(XMLStreamReader r, EafDocument doc) {
        String id = attr(r, "TIME_SLOT_ID");
        String text = attr(r, "TIME_VALUE");
        Long ms = null;
        if (text != null && !text.isBlank()) {
            try {
                ms = Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                ms = decimalMillis(text.trim());
                if (ms == null) {
                    doc.badSlotValues.put(id, text);
                }
            }
        }
        if (doc.slots.containsKey(id) && !java.util.Objects.equals(doc.slots.get(id), ms)) {
            doc.ambiguousSlots.add(id); // declared twice with two times: which is meant is unknown
        }
        doc.slots.putIfAbsent(id, ms);
    }

    /**
     * A TIME_VALUE written with a fraction ({@code 1629.0}, {@code 1629.5}: some converters write
     * EAF that way; ELAN itself writes whole ms), rounded to whole ms; null when it is no plain
     * non-negative decimal number.
     */
    private static Long decimalMillis(String text) {
        if (!text.matches("\\d+\\.\\d+")) {
            return null;
        }
        return Math.round(Double.parseDouble(text));
    }

    private static long timeOrigin(String text, long line) throws MalformedEafException {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new MalformedEafException("MEDIA_DESCRIPTOR TIME_ORIGIN is not a whole number of milliseconds", line);
        }
    }

    private static String attr(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        return v == null || v.isEmpty() ? null : v;
    }

    /**
     * "malformed XML at line L, column C (or it uses a DTD or entity, which EAF files never do)".
     */
    private static MalformedEafException malformed(Location loc) {
        long line = lineOf(loc);
        String where = line > 0
                ? " at line " + line + (loc.getColumnNumber() > 0 ? ", column " + loc.getColumnNumber() : "")
                : "";
        return new MalformedEafException(
                "malformed XML" + where + " (or it uses a DTD or entity, which EAF files never do)", line);
    }

    private static long lineOf(Location location) {
        return location == null || location.getLineNumber() < 0 ? 0 : location.getLineNumber();
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing to release for an in-memory stream
            }
        }
    }
}
