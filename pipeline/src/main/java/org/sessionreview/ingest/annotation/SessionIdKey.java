package org.sessionreview.ingest.annotation;

import java.util.Locale;

/**
 * How a coding file names the session it belongs to (a BORIS observation id, the .eaf of an ELAN
 * multi-file export) is compared with {@code session_id}: without case, each run of spaces and
 * punctuation one separator, none at the ends ({@code "P01 Session-3"} is {@code p01_session_3}).
 * The separators are kept, not dropped: {@code P1-12} and {@code P11-2} are different sessions.
 */
public final class SessionIdKey {
    private SessionIdKey() {}

    /** The comparison key of an id or name. */
    public static String of(String id) {
        StringBuilder b = new StringBuilder();
        boolean gap = false;
        for (int cp : id.toLowerCase(Locale.ROOT).codePoints().toArray()) {
            if (Character.isLetterOrDigit(cp)) {
                if (gap && b.length() > 0) {
                    b.append('_');
                }
                b.appendCodePoint(cp);
                gap = false;
            } else {
                gap = true;
            }
        }
        return b.toString();
    }
}
