package org.sessionreview.jobs.badinput;

import java.util.List;

/** Small hand-written annotation files in the shapes the readers accept (BORIS tabular, ELAN, .boris). */
final class AnnotationFiles {
    static final String BORIS_HEADER =
            "Observation id\tObservation date\tSubject\tBehavior\tModifier #1\tBehavior type\tTime\tComment";

    private AnnotationFiles() {}

    /** A JSONL line: a point event. */
    static String jsonl(double start, String code, String actor) {
        return "{\"start\": " + start + ", \"code\": \"" + code + "\", \"actor\": \"" + actor + "\"}";
    }

    /** A BORIS tabular events row. */
    static String borisRow(
            String observation, String subject, String behaviour, String modifier, String type, double time) {
        return String.join(
                "\t",
                observation,
                "2026-03-26 09:00:00",
                subject,
                behaviour,
                modifier,
                type,
                String.format("%.3f", time),
                "");
    }

    /** A BORIS tabular export: the header and the rows, LF line ends. */
    static String boris(String... rows) {
        return BORIS_HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    /**
     * A tabular export as a spreadsheet in a German locale saves it: {@code ;} between cells,
     * decimal commas in the times, CRLF.
     */
    static String excelResaved(String tsv) {
        return tsv.replaceAll("(\\d)\\.(\\d)", "$1,$2").replace('\t', ';').replace("\n", "\r\n");
    }

    /**
     * An EAF 3.0 document: a client tier with ANX_STR_TENSION over 100-106 s (slots ts1, ts4) and a
     * Time_Subdivision child tier splitting it into three codes at the unaligned slots ts2 and ts3
     * (no TIME_VALUE), so 100-102, 102-104 and 104-106 s.
     */
    static String eafSubdivided() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ANNOTATION_DOCUMENT AUTHOR=\"corpus\" DATE=\"2026-03-27T10:00:00+01:00\" FORMAT=\"3.0\" VERSION=\"3.0\">\n"
                + "  <HEADER MEDIA_FILE=\"\" TIME_UNITS=\"milliseconds\"/>\n"
                + "  <TIME_ORDER>\n"
                + "    <TIME_SLOT TIME_SLOT_ID=\"ts1\" TIME_VALUE=\"100000\"/>\n"
                + "    <TIME_SLOT TIME_SLOT_ID=\"ts2\"/>\n"
                + "    <TIME_SLOT TIME_SLOT_ID=\"ts3\"/>\n"
                + "    <TIME_SLOT TIME_SLOT_ID=\"ts4\" TIME_VALUE=\"106000\"/>\n"
                + "  </TIME_ORDER>\n"
                + "  <TIER LINGUISTIC_TYPE_REF=\"codes\" PARTICIPANT=\"client\" TIER_ID=\"CL-anxiety\">\n"
                + "    <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts4\">"
                + "<ANNOTATION_VALUE>ANX_STR_TENSION</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
                + "  </TIER>\n"
                + "  <TIER LINGUISTIC_TYPE_REF=\"parts\" PARENT_REF=\"CL-anxiety\" PARTICIPANT=\"client\" TIER_ID=\"CL-parts\">\n"
                + "    <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a2\" TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts2\">"
                + "<ANNOTATION_VALUE>ANX_STR_SIGH</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
                + "    <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a3\" TIME_SLOT_REF1=\"ts2\" TIME_SLOT_REF2=\"ts3\">"
                + "<ANNOTATION_VALUE>ANX_STR_HANDS</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
                + "    <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a4\" TIME_SLOT_REF1=\"ts3\" TIME_SLOT_REF2=\"ts4\">"
                + "<ANNOTATION_VALUE>ANX_STR_FIDGET</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
                + "  </TIER>\n"
                + "  <LINGUISTIC_TYPE GRAPHIC_REFERENCES=\"false\" LINGUISTIC_TYPE_ID=\"codes\" TIME_ALIGNABLE=\"true\"/>\n"
                + "  <LINGUISTIC_TYPE CONSTRAINTS=\"Time_Subdivision\" GRAPHIC_REFERENCES=\"false\""
                + " LINGUISTIC_TYPE_ID=\"parts\" TIME_ALIGNABLE=\"true\"/>\n"
                + "  <CONSTRAINT DESCRIPTION=\"Time subdivision of parent annotation's time interval, no time gaps allowed within"
                + " this interval\" STEREOTYPE=\"Time_Subdivision\"/>\n"
                + "</ANNOTATION_DOCUMENT>\n";
    }

    /** An EAF 3.0 document with a client tier holding one ANX_STR_SIGH at 100-101 s, plus {@code extraTiers}. */
    static String eaf(String doctype, String extraTiers) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype
                + "<ANNOTATION_DOCUMENT AUTHOR=\"corpus\" DATE=\"2026-03-27T10:00:00+01:00\" FORMAT=\"3.0\" VERSION=\"3.0\">\n"
                + "  <HEADER MEDIA_FILE=\"\" TIME_UNITS=\"milliseconds\"/>\n"
                + "  <TIME_ORDER>\n"
                + "    <TIME_SLOT TIME_SLOT_ID=\"ts1\" TIME_VALUE=\"100000\"/>\n"
                + "    <TIME_SLOT TIME_SLOT_ID=\"ts2\" TIME_VALUE=\"101000\"/>\n"
                + "    <TIME_SLOT TIME_SLOT_ID=\"ts3\" TIME_VALUE=\"200000\"/>\n"
                + "    <TIME_SLOT TIME_SLOT_ID=\"ts4\" TIME_VALUE=\"201000\"/>\n"
                + "  </TIME_ORDER>\n"
                + "  <TIER LINGUISTIC_TYPE_REF=\"codes\" TIER_ID=\"client\">\n"
                + "    <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts2\">"
                + "<ANNOTATION_VALUE>ANX_STR_SIGH</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
                + "  </TIER>\n"
                + extraTiers
                + "  <LINGUISTIC_TYPE GRAPHIC_REFERENCES=\"false\" LINGUISTIC_TYPE_ID=\"codes\" TIME_ALIGNABLE=\"true\"/>\n"
                + "  <LINGUISTIC_TYPE CONSTRAINTS=\"Symbolic_Association\" GRAPHIC_REFERENCES=\"false\""
                + " LINGUISTIC_TYPE_ID=\"text\" TIME_ALIGNABLE=\"false\"/>\n"
                + "  <CONSTRAINT DESCRIPTION=\"1-1 association with a parent annotation\" STEREOTYPE=\"Symbolic_Association\"/>\n"
                + "</ANNOTATION_DOCUMENT>\n";
    }

    /** An independent tier (no PARTICIPANT) with one annotation at 200-201 s. */
    static String tier(String id, String value) {
        return "  <TIER LINGUISTIC_TYPE_REF=\"codes\" TIER_ID=\"" + id + "\">\n"
                + "    <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a2\" TIME_SLOT_REF1=\"ts3\" TIME_SLOT_REF2=\"ts4\">"
                + "<ANNOTATION_VALUE>" + value + "</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
                + "  </TIER>\n";
    }

    /** A dependent free-text tier on the client tier's annotation a1. */
    static String textTier(String id, String text) {
        return "  <TIER LINGUISTIC_TYPE_REF=\"text\" PARENT_REF=\"client\" TIER_ID=\"" + id + "\">\n"
                + "    <ANNOTATION><REF_ANNOTATION ANNOTATION_ID=\"a3\" ANNOTATION_REF=\"a1\">"
                + "<ANNOTATION_VALUE>" + text + "</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>\n"
                + "  </TIER>\n";
    }

    /** A BORIS project: one point behaviour (ANX_STR_SIGH) coded twice for the subject client. */
    static String borisProject() {
        return String.join(
                        "\n",
                        List.of(
                                "{\"project_format_version\": \"7.0\", \"time_format\": \"s\",",
                                " \"subjects_conf\": {\"0\": {\"key\": \"\", \"name\": \"client\", \"description\": \"\"}},",
                                " \"behaviors_conf\": {\"0\": {\"type\": \"Point event\", \"key\": \"\", \"code\": \"ANX_STR_SIGH\","
                                        + " \"description\": \"\", \"category\": \"\", \"modifiers\": {}, \"excluded\": \"\"}},",
                                " \"observations\": {\"o1\": {\"type\": \"LIVE\", \"time offset\": 0.0, \"date\": \"2026-03-26T09:00:00\",",
                                "   \"events\": [[100.0, \"client\", \"ANX_STR_SIGH\", \"\", \"\"], [150.0, \"client\", \"ANX_STR_SIGH\", \"\", \"\"]]}}}"))
                + "\n";
    }
}
