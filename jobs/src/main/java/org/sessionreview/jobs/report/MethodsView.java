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
 * @param flinkVersion the Flink version
 * @param pseudonymKey where the pseudonym key came from (never the key)
 * @param methods the methods text
 * @param parameters every parameter, sorted by key (prefix {@code session_review.} removed)
 * @param tables the tables used, with their descriptions
 * @param differences "table: key=value, ..." for tables whose parameters differ
 */
public record MethodsView(
        String version,
        String flinkVersion,
        String pseudonymKey,
        String methods,
        List<Parameter> parameters,
        List<Parameter> tables,
        List<String> differences) {
    private static final String P = "session_review.";

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
                List<String> diff = new ArrayList<>();
                params.forEach((k, v) -> {
                    if (!v.equals(parameters(footers.get(tables.get(0))).get(k))) {
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
        parameters(first).forEach((k, v) -> params.add(new Parameter(k, v)));
        return new MethodsView(
                first.getOrDefault(P + "version", "unknown"),
                first.getOrDefault(P + "flink_version", "unknown"),
                first.getOrDefault(P + "pseudonym_key", "unknown"),
                first.getOrDefault(P + "methods", ""),
                params,
                used,
                differences);
    }

    /** The parameter entries: every {@code session_review.} key but the descriptive ones. */
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
