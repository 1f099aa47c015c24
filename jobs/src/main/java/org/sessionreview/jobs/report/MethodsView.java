package org.sessionreview.jobs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * "Methods and parameters" from the tables' footers ({@code session_review.*}): the version,
 * the methods text and every parameter, so that each number on a page can be reproduced. The
 * parameters are those of the first table used; a table whose parameters differ (it cannot happen
 * in one review's output, but folders can be mixed by hand) is named with the differing keys.
 *
 * @param version session-review version that wrote the tables
 * @param commit the git commit of the build that wrote them ({@code unknown} for tables written
 *     before footers carried it)
 * @param flinkVersion the Flink version
 * @param pseudonymKey where the pseudonym key came from (never the key)
 * @param methods the methods text
 * @param parameters every parameter, sorted by key (prefix {@code session_review.} removed)
 * @param runInputs the run-wide files that shaped the numbers ({@code run_input.baselines},
 *     {@code run_input.codebook}: name, size and SHA-256, or {@code none}), apart from the
 *     parameters since they are files, not values one can set
 * @param tables the tables used, with their descriptions
 * @param differences "table: key=value, ..." for tables whose parameters differ
 */
public record MethodsView(
        String version,
        String commit,
        String flinkVersion,
        String pseudonymKey,
        String methods,
        List<Parameter> parameters,
        List<Parameter> runInputs,
        List<Parameter> tables,
        List<String> differences) {
    private static final String P = "session_review.";
    private static final String RUN_INPUT = "run_input.";

    /** A key and its value. */
    public record Parameter(String key, String value) {}

    /** From the footers of {@code tables} (in that order; missing tables are skipped). */
    public static MethodsView of(Map<String, Map<String, String>> footers, List<String> tables) {
        Map<String, String> first = null;
        List<Parameter> used = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        for (String name : tables) {
            Map<String, String> f = footers.getOrDefault(name, Map.of());
            if (f.isEmpty()) {
                continue;
            }
            used.add(new Parameter(name, f.getOrDefault(P + "table_description", "")));
            Map<String, String> params = parameters(f);
            if (first == null) {
                first = f;
            } else if (!params.equals(parameters(first))) {
                Map<String, String> firstParams = parameters(first);
                List<String> diff = new ArrayList<>();
                params.forEach((k, v) -> {
                    if (!v.equals(firstParams.get(k))) {
                        diff.add(k + "=" + v);
                    }
                });
                differences.add(name + ": " + String.join(", ", diff));
            }
        }
        if (first == null) {
            first = Map.of();
        }
        List<Parameter> params = new ArrayList<>();
        List<Parameter> inputs = new ArrayList<>();
        parameters(first).forEach((k, v) -> (k.startsWith(RUN_INPUT) ? inputs : params).add(new Parameter(k, v)));
        return new MethodsView(
                first.getOrDefault(P + "version", "unknown"),
                first.getOrDefault(P + "commit", "unknown"),
                first.getOrDefault(P + "flink_version", "unknown"),
                first.getOrDefault(P + "pseudonym_key", "unknown"),
                first.getOrDefault(P + "methods", ""),
                params,
                inputs,
                used,
                differences);
    }

    /**
     * The parameter and run-input entries: every {@code session_review.} key but the descriptive
     * ones (compared between tables, so that tables of mixed runs are named).
     */
    static Map<String, String> parameters(Map<String, String> footer) {
        Map<String, String> out = new TreeMap<>();
        footer.forEach((k, v) -> {
            if (k.startsWith(P)) {
                String key = k.substring(P.length());
                if (!key.startsWith("column.")
                        && !key.equals("table")
                        && !key.equals("table_description")
                        && !key.equals("methods")
                        && !key.equals("version")
                        && !key.equals("commit")
                        && !key.equals("flink_version")
                        && !key.equals("pseudonym_key")) {
                    out.put(key, v);
                }
            }
        });
        return out;
    }

    /** A parameter's value, or {@code fallback} when the footer lacks it. */
    public String parameter(String key, String fallback) {
        return parameters.stream()
                .filter(p -> p.key().equals(key))
                .map(Parameter::value)
                .findFirst()
                .orElse(fallback);
    }
}
