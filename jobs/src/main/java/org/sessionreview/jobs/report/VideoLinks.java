package org.sessionreview.jobs.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Links from a moment's time to the session video, from {@code --video-url-pattern}: the pattern's
 * {@value #PLACEHOLDER} is replaced by the session id (percent-encoded) and a W3C media fragment
 * {@code #t=SECONDS} is appended, which browsers' built-in players seek to ({@code
 * file:///videos/{session_id}.mp4} gives {@code file:///videos/T02-20260319-0900.mp4#t=960}).
 *
 * <p>The pattern must hold {@value #PLACEHOLDER} once or more, no {@code #} (the fragment is
 * ours), and be a relative path or an {@code http}, {@code https} or {@code file} URL: a page never
 * carries a {@code javascript:} or {@code data:} link. A scheme-relative {@code //host/...} is not a
 * relative path but a link to another host, and browsers read a backslash as a slash ({@code
 * \\host}, {@code /\host}), drop tabs and line breaks and skip leading spaces: such a start, and
 * any control character, is refused too.
 */
public final class VideoLinks {
    /** The placeholder replaced by the session id. */
    public static final String PLACEHOLDER = "{session_id}";

    private final String pattern;

    private VideoLinks(String pattern) {
        this.pattern = pattern;
    }

    /**
     * The links for {@code pattern}.
     *
     * @throws IllegalArgumentException with a one-line message when the pattern is unusable
     */
    public static VideoLinks of(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("--video-url-pattern is empty");
        }
        if (!pattern.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException(
                    "--video-url-pattern must contain " + PLACEHOLDER + " (e.g. file:///videos/{session_id}.mp4)");
        }
        if (pattern.contains("#")) {
            throw new IllegalArgumentException(
                    "--video-url-pattern must not contain '#': the report appends #t=SECONDS");
        }
        if (pattern.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException(
                    "--video-url-pattern must not contain control characters (tab, line break, ...)");
        }
        if (isSchemeRelative(pattern)) {
            throw new IllegalArgumentException("--video-url-pattern must be an http, https or file URL or a relative"
                    + " path, not a scheme-relative //host/... (a link to another host; write https://host/... if"
                    + " that is meant)");
        }
        int colon = pattern.indexOf(':');
        int slash = pattern.indexOf('/');
        if (colon >= 0 && (slash < 0 || colon < slash)) {
            String scheme = pattern.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
                throw new IllegalArgumentException(
                        "--video-url-pattern must be an http, https or file URL or a relative path, not " + scheme
                                + ":");
            }
        }
        return new VideoLinks(pattern);
    }

    /**
     * True when browsers resolve {@code pattern} against another host: after leading spaces, two
     * characters each a slash or a backslash (the URL standard reads {@code \\} as {@code /}).
     */
    private static boolean isSchemeRelative(String pattern) {
        String p = pattern.stripLeading();
        return p.length() >= 2 && isSlash(p.charAt(0)) && isSlash(p.charAt(1));
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    /** No pattern given: no links. */
    public static Optional<VideoLinks> ofNullable(String pattern) {
        return pattern == null ? Optional.empty() : Optional.of(of(pattern));
    }

    /** The video of {@code sessionId} at {@code startS} seconds from media start. */
    public String url(String sessionId, double startS) {
        String id = URLEncoder.encode(sessionId, StandardCharsets.UTF_8).replace("+", "%20");
        return pattern.replace(PLACEHOLDER, id) + "#t=" + Format.fragmentSeconds(startS);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
