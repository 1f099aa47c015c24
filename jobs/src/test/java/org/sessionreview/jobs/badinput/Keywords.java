package org.sessionreview.jobs.badinput;

/**
 * The only words the corpus expects in reject reasons (lower case, matched case-insensitively).
 * Production wording is still changing: keep this list short and align it here, in one place.
 */
public final class Keywords {
    /** A header row 1 (start time) problem. */
    public static final String START = "start";
    /** A header row 2 (sample rate) problem. */
    public static final String RATE = "rate";
    /** A second header inside an E4 file: two exports joined into one. */
    public static final String JOINED = "joined";
    /** A line with the wrong number of columns. */
    public static final String COLUMNS = "column";
    /** A folder or file that was expected and is absent. */
    public static final String NOT_FOUND = "not found";
    /** session.json is not parseable JSON. */
    public static final String JSON = "json";
    /** A session_id seen in an earlier folder. */
    public static final String DUPLICATE = "duplicate";
    /** A folder without session.json. */
    public static final String NO_MANIFEST = "session.json";
    /** Missing required fields are named. */
    public static final String THERAPIST_ID = "therapist_id";

    public static final String CONSENT = "consent";
    public static final String MEDIA_START = "media_start";
    public static final String SESSION_NUMBER = "session_number";
    /** An unknown wearables role. */
    public static final String ROLE = "role";

    /** A path in session.json that names something outside the session folder. */
    public static final String INSIDE = "inside the session folder";

    /** Two wearers given one folder. */
    public static final String SAME_FOLDER = "same folder";

    /** The same channel file in both wearers' folders. */
    public static final String IDENTICAL = "identical";

    /** Values in another unit than the E4's. */
    public static final String UNIT = "unit";

    /** Times that look like milliseconds where seconds are expected. */
    public static final String MILLISECONDS = "milliseconds";

    /** A value no E4 sensor gives (acceleration past +-2 g). */
    public static final String RANGE = "range";

    /** A run of NUL bytes where lines were (a zeroed disk block). */
    public static final String ZEROED = "zeroed disk block";

    private Keywords() {}
}
