package org.sessionreview.jobs.sampledata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Writes an ELAN EAF 3.0 document (DOMAIN.md 1.1): one independent tier per actor x code family
 * ({@code client-anxiety}, {@code client-affect}, {@code client-rupture},
 * {@code therapist-intervention}, {@code therapist-resolution}) with PARTICIPANT set, each
 * typed by a LINGUISTIC_TYPE whose controlled vocabulary holds the canonical codes (EAF 3.0
 * {@code CV_ENTRY_ML}); modifiers (ANX intensity, RUP/RES significance) sit on dependent
 * Symbolic_Association tiers as REF_ANNOTATIONs. Point events last 40 ms (ELAN has no points).
 * Time slots are numbered in creation order (tier by tier), so their ids are not in time order.
 */
final class ElanWriter {
    /** ELAN point events are annotations of this length, ms (below the 100 ms POINT rule). */
    static final long POINT_MS = 40;

    private record TierSpec(String id, String participant, String family, String type, String modifier) {}

    private static final List<TierSpec> TIERS = List.of(
            new TierSpec("client-anxiety", "client", "ANX", "anxiety", "intensity"),
            new TierSpec("client-affect", "client", "AFF", "affect", null),
            new TierSpec("client-rupture", "client", "RUP", "rupture", "significance"),
            new TierSpec("therapist-intervention", "therapist", "INT", "intervention", null),
            new TierSpec("therapist-resolution", "therapist", "RES", "resolution", "significance"));

    private ElanWriter() {}

    static void write(Path file, SessionPlan s, List<CodedEvent> events, boolean withMedia) throws IOException {
        for (CodedEvent e : events) {
            boolean placed = TIERS.stream()
                    .anyMatch(
                            t -> e.actor().equals(t.participant()) && e.family().equals(t.family()));
            if (!placed) {
                throw new IllegalArgumentException("no ELAN tier for " + e.actor() + " " + e.code());
            }
        }
        StringBuilder slots = new StringBuilder();
        StringBuilder tiers = new StringBuilder();
        int[] slot = {0};
        int ann = 0;
        for (TierSpec t : TIERS) {
            List<CodedEvent> mine = new ArrayList<>();
            for (CodedEvent e : events) {
                if (e.actor().equals(t.participant()) && e.family().equals(t.family())) {
                    mine.add(e);
                }
            }
            mine.sort(Comparator.comparingDouble(CodedEvent::startS));
            List<String> parentIds = new ArrayList<>();
            tiers.append("    <TIER LINGUISTIC_TYPE_REF=\"")
                    .append(t.type())
                    .append("\" PARTICIPANT=\"")
                    .append(t.participant())
                    .append("\" TIER_ID=\"")
                    .append(t.id())
                    .append('"');
            if (mine.isEmpty()) {
                tiers.append("/>\n");
            } else {
                tiers.append(">\n");
                for (CodedEvent e : mine) {
                    long b = Math.round(e.startS() * 1000);
                    long en = e.isPoint() ? b + POINT_MS : Math.round(e.endS() * 1000);
                    String s1 = slot(slots, slot, b);
                    String s2 = slot(slots, slot, en);
                    String id = "a" + (++ann);
                    parentIds.add(id);
                    tiers.append("        <ANNOTATION>\n")
                            .append("            <ALIGNABLE_ANNOTATION ANNOTATION_ID=\"")
                            .append(id)
                            .append("\" CVE_REF=\"")
                            .append(cveId(e.code()))
                            .append("\" TIME_SLOT_REF1=\"")
                            .append(s1)
                            .append("\" TIME_SLOT_REF2=\"")
                            .append(s2)
                            .append("\">\n")
                            .append("                <ANNOTATION_VALUE>")
                            .append(e.code())
                            .append("</ANNOTATION_VALUE>\n")
                            .append("            </ALIGNABLE_ANNOTATION>\n")
                            .append("        </ANNOTATION>\n");
                }
                tiers.append("    </TIER>\n");
            }
            if (t.modifier() != null) {
                StringBuilder refs = new StringBuilder();
                for (int i = 0; i < mine.size(); i++) {
                    CodedEvent e = mine.get(i);
                    Integer v = t.modifier().equals("intensity") ? e.intensity() : e.significance();
                    if (v == null) {
                        continue;
                    }
                    refs.append("        <ANNOTATION>\n")
                            .append("            <REF_ANNOTATION ANNOTATION_ID=\"a")
                            .append(++ann)
                            .append("\" ANNOTATION_REF=\"")
                            .append(parentIds.get(i))
                            .append("\" CVE_REF=\"")
                            .append(cveId(t.modifier() + "_" + v))
                            .append("\">\n")
                            .append("                <ANNOTATION_VALUE>")
                            .append(v)
                            .append("</ANNOTATION_VALUE>\n")
                            .append("            </REF_ANNOTATION>\n")
                            .append("        </ANNOTATION>\n");
                }
                tiers.append("    <TIER LINGUISTIC_TYPE_REF=\"")
                        .append(t.modifier())
                        .append("\" PARENT_REF=\"")
                        .append(t.id())
                        .append("\" PARTICIPANT=\"")
                        .append(t.participant())
                        .append("\" TIER_ID=\"")
                        .append(t.id())
                        .append('-')
                        .append(t.modifier())
                        .append('"');
                tiers.append(refs.length() == 0 ? "/>\n" : ">\n" + refs + "    </TIER>\n");
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<ANNOTATION_DOCUMENT AUTHOR=\"synthetic coder R1\" DATE=\"")
                .append(s.mediaStart().plusDays(1).withHour(16).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append("\" FORMAT=\"3.0\" VERSION=\"3.0\" xmlns:xsi=\"http://www.w3.org/2001/"
                        + "XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://www.mpi.nl/"
                        + "tools/elan/EAFv3.0.xsd\">\n")
                .append("    <HEADER MEDIA_FILE=\"\" TIME_UNITS=\"milliseconds\">\n");
        if (withMedia) {
            sb.append("        <MEDIA_DESCRIPTOR MEDIA_URL=\"file:///D:/supervision/video/")
                    .append(s.sessionId())
                    .append(".mp4\" MIME_TYPE=\"video/mp4\"")
                    .append(" RELATIVE_MEDIA_URL=\"../video/")
                    .append(s.sessionId())
                    .append(".mp4\" TIME_ORIGIN=\"0\"/>\n");
        }
        UUID urn = UUID.nameUUIDFromBytes((s.sessionId() + "/" + file.getFileName()).getBytes(StandardCharsets.UTF_8));
        sb.append("        <PROPERTY NAME=\"URN\">urn:nl-mpi-tools-elan-eaf:")
                .append(urn)
                .append("</PROPERTY>\n")
                .append("        <PROPERTY NAME=\"lastUsedAnnotationId\">")
                .append(ann)
                .append("</PROPERTY>\n")
                .append("    </HEADER>\n")
                .append("    <TIME_ORDER>\n")
                .append(slots)
                .append("    </TIME_ORDER>\n")
                .append(tiers);
        for (TierSpec t : TIERS) {
            sb.append("    <LINGUISTIC_TYPE CONTROLLED_VOCABULARY_REF=\"")
                    .append(t.type())
                    .append("-cv\" GRAPHIC_REFERENCES=\"false\" LINGUISTIC_TYPE_ID=\"")
                    .append(t.type())
                    .append("\" TIME_ALIGNABLE=\"true\"/>\n");
        }
        for (String m : List.of("intensity", "significance")) {
            sb.append("    <LINGUISTIC_TYPE CONSTRAINTS=\"Symbolic_Association\"")
                    .append(" CONTROLLED_VOCABULARY_REF=\"")
                    .append(m)
                    .append("-cv\" GRAPHIC_REFERENCES=\"false\" LINGUISTIC_TYPE_ID=\"")
                    .append(m)
                    .append("\" TIME_ALIGNABLE=\"false\"/>\n");
        }
        sb.append("    <LOCALE COUNTRY_CODE=\"US\" LANGUAGE_CODE=\"en\"/>\n")
                .append("    <LANGUAGE LANG_DEF=\"http://cdb.iso.org/lg/CDB-00130975-001\"")
                .append(" LANG_ID=\"und\" LANG_LABEL=\"undetermined (und)\"/>\n")
                .append(CONSTRAINTS);
        for (TierSpec t : TIERS) {
            vocabulary(sb, t.type() + "-cv", "session-review " + t.type() + " codes", Taxonomy.codes(t.family()));
        }
        vocabulary(sb, "intensity-cv", "ANX intensity 1-3", List.of("1", "2", "3"));
        vocabulary(sb, "significance-cv", "RUP/RES significance 1-5", List.of("1", "2", "3", "4", "5"));
        sb.append("</ANNOTATION_DOCUMENT>\n");
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    private static final String CONSTRAINTS =
            "    <CONSTRAINT DESCRIPTION=\"Time subdivision of parent annotation's time interval,"
                    + " no time gaps allowed within this interval\""
                    + " STEREOTYPE=\"Time_Subdivision\"/>\n"
                    + "    <CONSTRAINT DESCRIPTION=\"Symbolic subdivision of a parent annotation."
                    + " Annotations refering to the same parent are ordered\""
                    + " STEREOTYPE=\"Symbolic_Subdivision\"/>\n"
                    + "    <CONSTRAINT DESCRIPTION=\"1-1 association with a parent annotation\""
                    + " STEREOTYPE=\"Symbolic_Association\"/>\n"
                    + "    <CONSTRAINT DESCRIPTION=\"Time alignable annotations within the parent"
                    + " annotation's time interval, gaps are allowed\""
                    + " STEREOTYPE=\"Included_In\"/>\n";

    private static void vocabulary(StringBuilder sb, String id, String description, List<String> values) {
        sb.append("    <CONTROLLED_VOCABULARY CV_ID=\"")
                .append(id)
                .append("\">\n")
                .append("        <DESCRIPTION LANG_REF=\"und\">")
                .append(description)
                .append("</DESCRIPTION>\n");
        String prefix =
                id.startsWith("intensity") ? "intensity_" : id.startsWith("significance") ? "significance_" : "";
        for (String v : values) {
            sb.append("        <CV_ENTRY_ML CVE_ID=\"")
                    .append(cveId(prefix + v))
                    .append("\">\n")
                    .append("            <CVE_VALUE LANG_REF=\"und\">")
                    .append(v)
                    .append("</CVE_VALUE>\n")
                    .append("        </CV_ENTRY_ML>\n");
        }
        sb.append("    </CONTROLLED_VOCABULARY>\n");
    }

    private static String slot(StringBuilder slots, int[] counter, long ms) {
        String id = "ts" + (++counter[0]);
        slots.append("        <TIME_SLOT TIME_SLOT_ID=\"")
                .append(id)
                .append("\" TIME_VALUE=\"")
                .append(ms)
                .append("\"/>\n");
        return id;
    }

    private static String cveId(String value) {
        return "cveid_" + value;
    }
}
