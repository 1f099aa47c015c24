package org.sessionreview.jobs.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlStatementsTest {
    @Test
    void shouldSplitAtSemicolonsWhenOutsideQuotesAndComments() {
        String script = String.join(
                "\n",
                "-- a comment; not a split",
                "SELECT 'a;b' AS `x;y` FROM sessions; /* c; d */",
                "SELECT 1;",
                "  ;  ",
                "-- only a comment;",
                "SELECT 'it''s; here'");
        assertEquals(
                List.of(
                        "-- a comment; not a split\nSELECT 'a;b' AS `x;y` FROM sessions",
                        "/* c; d */\nSELECT 1",
                        "-- only a comment;\nSELECT 'it''s; here'"),
                SqlStatements.split(script));
    }

    @Test
    void shouldReturnNothingWhenTheScriptHoldsOnlyComments() {
        assertEquals(List.of(), SqlStatements.split("-- nothing here;\n/* nor; here */\n ; \n"));
    }

    @Test
    void shouldNameTheFirstKeywordWhenAStatementStartsWithComments() {
        assertEquals("INSERT", SqlRunner.keyword("-- write;\n/* here */ insert INTO x SELECT 1"));
    }
}
