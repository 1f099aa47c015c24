package org.sessionreview.export;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sessionreview.ingest.annotation.ModifierPolicy;
import org.sessionreview.model.Channel;
import org.sessionreview.scoring.Feature;
import org.sessionreview.scoring.SessionReviewer;
import org.sessionreview.scoring.rupture.CodedMoments;
import org.sessionreview.scoring.rupture.RuptureOutcome;
import org.sessionreview.scoring.trends.ClientTrend;
import org.sessionreview.signal.cardiac.RejectReason;
import org.sessionreview.signal.quality.ArtifactKind;
import org.sessionreview.signal.synchrony.Leader;
import org.sessionreview.signal.synchrony.WindowStatus;
import org.sessionreview.taxonomy.CodeTaxonomy;
import org.sessionreview.taxonomy.Family;
import org.sessionreview.taxonomy.RuptureClass;

/**
 * The fixed vocabularies a STRING value must belong to for the research export to keep it. Every
 * one is written by the pipeline's own code (an enum, a constant, a canonical code, a number), so
 * a value outside it means the tables did not come from this version of the review; the export
 * then stops rather than guess (see {@link ResearchRules}).
 */
public final class Vocabulary {
    private Vocabulary() {}

    private static Predicate<String> oneOf(Stream<String> values) {
        Set<String> set = values.collect(Collectors.toCollection(LinkedHashSet::new));
        return set::contains;
    }

    private static Predicate<String> oneOf(String... values) {
        return oneOf(Arrays.stream(values));
    }

    private static Predicate<String> matches(String regex) {
        Pattern p = Pattern.compile(regex);
        return v -> p.matcher(v).matches();
    }

    public static final Predicate<String> ROLE = oneOf("client", "therapist");
    public static final Predicate<String> ACTOR = oneOf("client", "therapist", "dyad");
    public static final Predicate<String> MOMENT_KIND = oneOf(Stream.concat(
            CodedMoments.KINDS_IN_REVIEW_ORDER.stream(),
            Stream.of(SessionReviewer.KIND_ANXIETY_EPISODE, "synchrony_drop")));
    public static final Predicate<String> BEAT_SOURCE = oneOf("device", "bvp");
    public static final Predicate<String> BEAT_REJECT_REASON =
            oneOf(Arrays.stream(RejectReason.values()).map(RejectReason::code));
    public static final Predicate<String> CHANNEL =
            oneOf(Arrays.stream(Channel.values()).map(Channel::name));
    /** An {@code artifacts/} row's channel: an E4 channel, or the whole band ({@link ArtifactKind#DEVICE}). */
    public static final Predicate<String> ARTIFACT_CHANNEL =
            oneOf(Stream.concat(Arrays.stream(Channel.values()).map(Channel::name), Stream.of(ArtifactKind.DEVICE)));

    public static final Predicate<String> ARTIFACT_KIND =
            oneOf(Arrays.stream(ArtifactKind.values()).map(ArtifactKind::code));
    public static final Predicate<String> SYNCHRONY_SIGNAL = oneOf("eda", "hr");
    public static final Predicate<String> LEADER =
            oneOf(Arrays.stream(Leader.values()).map(Leader::label));
    public static final Predicate<String> SYNCHRONY_STATUS =
            oneOf(Arrays.stream(WindowStatus.values()).map(WindowStatus::label));
    public static final Predicate<String> EPISODE_ID = matches("[WC][1-9][0-9]{0,5}");
    public static final Predicate<String> RUPTURE_CLASS =
            oneOf(Arrays.stream(RuptureClass.values()).map(RuptureClass::name));
    public static final Predicate<String> OUTCOME =
            oneOf(Arrays.stream(RuptureOutcome.values()).map(RuptureOutcome::id));
    public static final Predicate<String> CODE = CodeTaxonomy::isCanonical;
    public static final Predicate<String> FAMILY =
            oneOf(Arrays.stream(Family.values()).map(Family::name));
    public static final Predicate<String> FEATURE =
            oneOf(Arrays.stream(Feature.values()).map(Feature::column));
    public static final Predicate<String> PERIOD = matches("all|[0-9]{4}-[0-9]{2}");
    public static final Predicate<String> CLIENT_NOTE = oneOf(ClientTrend.PLATEAU_NOTE);
    public static final Predicate<String> MISSING_CHANNEL = v -> {
        int colon = v.indexOf(':');
        return colon > 0 && ROLE.test(v.substring(0, colon)) && CHANNEL.test(v.substring(colon + 1));
    };
    /** {@code 5s=m/n;10s=m/n;...}: response windows in seconds, counts. */
    public static final Predicate<String> MISSED_SENSITIVITY =
            matches("|[0-9]+(\\.[0-9]+)?s=[0-9]+/[0-9]+(;[0-9]+(\\.[0-9]+)?s=[0-9]+/[0-9]+)*");

    private static final Pattern MARKER_COUNT = Pattern.compile("([A-Z][A-Z0-9_]*)=[0-9]+");
    private static final Pattern STRATEGY = Pattern.compile("([A-Z][A-Z0-9_]*)(?:\\[(.*)\\])?");

    /** {@code CODE=n;CODE=n} with canonical codes; empty for none. */
    public static final Predicate<String> MARKER_COUNTS = v -> v.isEmpty()
            || Arrays.stream(v.split(";", -1)).allMatch(part -> {
                Matcher m = MARKER_COUNT.matcher(part);
                return m.matches() && CODE.test(m.group(1));
            });

    /** A repair strategy: a canonical code, optionally with allowed modifiers, {@code RES_X[immediacy=yes;direct=no]}. */
    public static final Predicate<String> STRATEGY_CODE = v -> {
        Matcher m = STRATEGY.matcher(v);
        return m.matches() && CODE.test(m.group(1)) && (m.group(2) == null || allowedModifiers(m.group(2)));
    };

    /**
     * Whether every {@code key=value} of a modifiers text ({@code ;}-separated) is on {@link
     * ModifierPolicy}'s allow-list, exactly as the policy writes it.
     */
    public static boolean allowedModifiers(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (String pair : text.split(";", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                return false;
            }
            String key = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (!ModifierPolicy.admit(key, value).map(value::equals).orElse(false)) {
                return false;
            }
        }
        return true;
    }

    /** The fixed categories of a baseline's source; see {@link #baselineCategory(String)}. */
    public static final List<String> BASELINE_CATEGORIES =
            List.of("calibration", "coded_baseline", "stored", "whole_session", "none", "other");

    private static final Pattern FALLBACK_SUFFIX = Pattern.compile(
            "; whole session for [A-Za-z0-9 ,()/-]+ \\((calibration|coded) stretch had [0-9]+ usable windows"
                    + "(, [0-9]+ more with gross movement)?\\)");

    /**
     * A baseline source reduced to a fixed category. The review's text can hold a file path (a
     * coded BASELINE names its annotation file, a stored baseline its baselines file), which the
     * export never writes: {@code calibration}, {@code coded_baseline}, {@code stored}, {@code
     * whole_session}, {@code none} or {@code other}, with {@code +whole_session_fallback} when some
     * features fell back to the whole session.
     */
    public static String baselineCategory(String source) {
        String s = source.strip();
        String base;
        if (s.startsWith("coded BASELINE")) {
            base = "coded_baseline";
        } else if (s.startsWith("stored baseline")) {
            base = "stored";
        } else if (s.startsWith("calibration")) {
            base = "calibration";
        } else if (s.startsWith("whole session")) {
            base = "whole_session";
        } else if (s.startsWith("none")) {
            base = "none";
        } else {
            base = "other";
        }
        boolean fallback = (base.equals("calibration") || base.equals("coded_baseline"))
                && FALLBACK_SUFFIX.matcher(s).find();
        return fallback ? base + "+whole_session_fallback" : base;
    }

    /**
     * A session's {@code baseline_source} ({@code client: <source>; therapist: <source>}, or
     * {@code none (...)}) with each wearer's source reduced to its {@link #baselineCategory}:
     * {@code client: calibration; therapist: coded_baseline}.
     */
    public static String sessionBaselineCategories(String text) {
        String s = text.strip();
        String client = null;
        String therapist = null;
        if (s.startsWith("client: ")) {
            int t = s.lastIndexOf("; therapist: ");
            client = t < 0 ? s.substring(8) : s.substring(8, t);
            therapist = t < 0 ? null : s.substring(t + "; therapist: ".length());
        } else if (s.startsWith("therapist: ")) {
            therapist = s.substring("therapist: ".length());
        } else {
            return baselineCategory(s);
        }
        StringBuilder out = new StringBuilder();
        if (client != null) {
            out.append("client: ").append(baselineCategory(client));
        }
        if (therapist != null) {
            out.append(out.length() == 0 ? "" : "; ").append("therapist: ").append(baselineCategory(therapist));
        }
        return out.toString();
    }
}
