package org.sessionreview.ingest.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DelimitedTableTest {

    @Test
    void shouldKeepStartingLineWhenQuotedCellSpansLines() {
        DelimitedTable t = DelimitedTable.read("a,b\r\n\r\n1,\"x\r\ny\"\r\n2,\"q\"\"q\"\r\n");
        assertEquals(',', t.separator());
        assertEquals(
                List.of(1L, 2L, 3L, 5L),
                t.rows().stream().map(DelimitedTable.Row::line).toList());
        assertTrue(t.rows().get(1).isBlank());
        assertEquals(List.of("1", "x\r\ny"), t.rows().get(2).cells());
        assertEquals("q\"q", t.rows().get(3).cell(1));
        assertEquals("", t.rows().get(3).cell(7), "cells beyond the row are empty");
        assertNull(t.error());
    }

    @Test
    void shouldReportRowStartWhenQuoteIsNeverClosed() {
        DelimitedTable t = DelimitedTable.read("a\tb\n1\t\"open\n2\t3\n");
        assertEquals('\t', t.separator());
        assertEquals(1, t.rows().size());
        assertEquals(2, t.error().line());
        assertTrue(
                t.error().cell(0).startsWith("malformed delimited text"),
                t.error().cell(0));
    }

    @Test
    void shouldSniffSeparatorOutsideQuotesWhenFirstLineHasSeveral() {
        assertEquals(';', DelimitedTable.sniffSeparator("start;end;\"a,b,c\"\n"));
        assertEquals('\t', DelimitedTable.sniffSeparator("\n\nx\ty,z\n"));
        assertEquals(',', DelimitedTable.sniffSeparator("single\n"));
    }

    @Test
    void shouldSniffPastCommentLinesAndHonourExcelsSeparatorHint() {
        assertEquals('\t', DelimitedTable.sniffSeparator("#file:///v.mp4 -- offset: 0, or so\n\na\tb\n"));
        assertEquals(';', DelimitedTable.sniffSeparator("sep=;\nstart,end;code\n"));
        assertEquals(',', DelimitedTable.sniffSeparator("\"sep=,\"\nstart;end\n"));
        DelimitedTable t = DelimitedTable.read("sep=;\r\nstart;code\r\n1,5;AFF_CUE\r\n");
        assertEquals(';', t.separator());
        assertEquals(
                List.of(2L, 3L), t.rows().stream().map(DelimitedTable.Row::line).toList(), "the hint is no row");
        assertEquals(List.of("1,5", "AFF_CUE"), t.rows().get(1).cells());
        assertEquals(3, DelimitedTable.read("a,b\nsep=;\n1,2\n").rows().size(), "only a first line is a hint");
        DelimitedTable tab = DelimitedTable.read("sep=\t\nstart\tcode\n1,5\tAFF_CUE\n");
        assertEquals('\t', tab.separator(), "the tab hint, not stripped away");
        assertEquals(List.of("start", "code"), tab.rows().get(0).cells());
    }

    @Test
    void shouldKeepQuotationMarksInCellsWhenReadWithoutQuoting() {
        DelimitedTable t = DelimitedTable.readUnquoted("a\t\"Nein\" sagte ich\nb\t\"open\n", '\t');
        assertNull(t.error());
        assertEquals(List.of("a", "\"Nein\" sagte ich"), t.rows().get(0).cells());
        assertEquals("\"open", t.rows().get(1).cell(1));
        // a spreadsheet re-saving the file quotes a cell holding a comma: that one pair goes
        DelimitedTable saved = DelimitedTable.readUnquoted("\"1,629\"\t\"\"\t\"a \"\"b\"\" c\"\n", '\t');
        assertEquals(
                List.of("1,629", "", "\"a \"\"b\"\" c\""), saved.rows().get(0).cells());
    }
}
