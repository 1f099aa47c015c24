package org.sessionreview.jobs.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at each {@code ;} that is outside a string literal
 * ({@code '...'}), a quoted identifier ({@code `...`}) and a comment ({@code -- ...} to the end of
 * the line, {@code /* ... * /}). Statements that hold nothing but white space and comments are
 * dropped; the others keep their comments (Flink's parser skips them).
 */
public final class SqlStatements {
    private SqlStatements() {}

    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        StringBuilder code = new StringBuilder(); // the statement without its comments
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '\'' || c == '`') {
                int end = closing(script, i, c);
                current.append(script, i, end);
                code.append(script, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(script, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                current.append(script, i, end);
                code.append(' ');
                i = end;
            } else if (c == ';') {
                add(statements, current, code);
                i++;
            } else {
                current.append(c);
                code.append(c);
                i++;
            }
        }
        add(statements, current, code);
        return statements;
    }

    /** The index after the quote that closes the one at {@code start}; a doubled quote is text. */
    private static int closing(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    private static void add(List<String> statements, StringBuilder current, StringBuilder code) {
        if (!code.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        current.setLength(0);
        code.setLength(0);
    }
}
