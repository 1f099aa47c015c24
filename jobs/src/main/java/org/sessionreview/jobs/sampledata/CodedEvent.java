package org.sessionreview.jobs.sampledata;

/**
 * One planted coded event, written into one of the session's annotation files.
 *
 * @param code canonical code of DOMAIN.md section 2, e.g. {@code ANX_STR_SIGH}
 * @param actor {@code client}, {@code therapist} or {@code dyad}
 * @param startS seconds from media start
 * @param endS seconds from media start; null for a point event
 * @param intensity ANX intensity 1-3, or null
 * @param significance RUP/RES significance 1-5, or null
 * @param file the annotation file (name inside the session folder) that carries the event
 * @param note synthetic free text (JSONL note, BORIS comment); null for none. Notes always carry
 *     {@link SampleDataGenerator#NOTE_CANARY} so that tests can prove they never reach outputs.
 */
public record CodedEvent(
        String code,
        String actor,
        double startS,
        Double endS,
        Integer intensity,
        Integer significance,
        String file,
        String note) {

    public static CodedEvent point(String code, String actor, double startS, String file) {
        return new CodedEvent(code, actor, startS, null, null, null, file, null);
    }

    public static CodedEvent state(String code, String actor, double startS, double endS, String file) {
        return new CodedEvent(code, actor, startS, endS, null, null, file, null);
    }

    public CodedEvent withIntensity(int value) {
        return new CodedEvent(code, actor, startS, endS, value, significance, file, note);
    }

    public CodedEvent withSignificance(int value) {
        return new CodedEvent(code, actor, startS, endS, intensity, value, file, note);
    }

    public CodedEvent withNote(String text) {
        return new CodedEvent(code, actor, startS, endS, intensity, significance, file, text);
    }

    public boolean isPoint() {
        return endS == null;
    }

    /** End time, or the start for a point event. */
    public double endOrStartS() {
        return endS == null ? startS : endS;
    }

    /**
     * Code family: the prefix before the first underscore ({@code ANX}, {@code INT}, ...), or
     * {@code STRUCT} for the structural codes of DOMAIN.md 2.8 (SILENCE, TURN_*, SEG_3RS,
     * ARTIFACT).
     */
    public String family() {
        if (code.equals("SILENCE") || code.startsWith("TURN_") || code.equals("SEG_3RS") || code.equals("ARTIFACT")) {
            return "STRUCT";
        }
        int i = code.indexOf('_');
        return i < 0 ? code : code.substring(0, i);
    }
}
