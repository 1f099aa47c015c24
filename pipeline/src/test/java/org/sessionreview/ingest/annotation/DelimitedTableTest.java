package org.sessionreview.ingest.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertTrue(t.faults().isEmpty());
    }

    @Test
    void shouldTakeALastRowWithFewerCellsAndNoLineEndForACut() {
        // seventh audit: a copy that stopped inside the last row's third cell
        DelimitedTable t = DelimitedTable.read("a\tb\tc\td\n1\t2\t3\t4\n5\t6\t7\t8\n9\t10\t1");
        assertEquals(
                List.of(1L, 2L, 3L),
                t.rows().stream().map(DelimitedTable.Row::line).toList());
        assertEquals(4L, t.cutRow().line());
        assertEquals(List.of(t.cutRow()), t.faults());
        assertTrue(t.cutRow().cell(0).contains("3 of the 4 cells"), t.cutRow().cell(0));
        // unquoted too (ELAN's tab export)
        assertEquals(
                3,
                DelimitedTable.readUnquoted("a\tb\n1\t2\n3", '\t')
                        .faults()
                        .get(0)
                        .line());
    }

    @Test
    void shouldReadALastRowWithoutLineEndWhenItHasAllItsCellsOrTheFileEndsWithALineEnd() {
        for (String text : List.of(
                "a,b,c\n1,2,3\n4,5,6", // whole, without its line end
                "a,b,c\n1,2,3\n4,5\n", // short, with its line end (read as before)
                "a,b,c\n1,2,3\r\n4,5\r", // the same with CR line ends
                "a,b,c\n1,2,3\n\n4,5,6", // a blank row before it
                "a,b,c")) { // a header alone
            DelimitedTable t = DelimitedTable.read(text);
            assertTrue(t.faults().isEmpty(), text);
            assertEquals(null, t.cutRow(), text);
        }
    }

    @Test
    void shouldReadOnAtTheNextLineWhenQuoteIsNeverClosed() {
        DelimitedTable t = DelimitedTable.read("a\tb\n1\t\"open\n2\t3\n4\t5");
        assertEquals('\t', t.separator());
        assertEquals(
                List.of(1L, 3L, 4L),
                t.rows().stream().map(DelimitedTable.Row::line).toList(),
                "the rows after the unclosed quote are read");
        assertEquals(List.of("2", "3"), t.rows().get(1).cells());
        assertEquals(1, t.faults().size());
        assertEquals(2, t.faults().get(0).line());
        assertEquals(
                "a quote opened in the row starting at line 2 is never closed",
                t.faults().get(0).cell(0));
    }

    @Test
    void shouldReadOnAfterAQuoteThatClosesOnALaterLineBeforeText() {
        // the open quote of line 2 "closes" at the quote opening line 4's note: text follows it
        DelimitedTable t = DelimitedTable.read("a,b,c\r\n10,A,\"she left\r\n20,B,x\r\n25,C,\"y, z\"\r\n30,D,w\r\n");
        assertEquals(
                List.of(1L, 3L, 4L, 5L),
                t.rows().stream().map(DelimitedTable.Row::line).toList());
        assertEquals(List.of("25", "C", "y, z"), t.rows().get(2).cells());
        assertEquals(
                List.of(2L), t.faults().stream().map(DelimitedTable.Row::line).toList());
        assertTrue(
                t.faults().get(0).cell(0).contains("a stray quote?"),
                t.faults().get(0).cell(0));
    }

    @Test
    void shouldTakeAQuoteOpenOverTooManyLinesForAnUnclosedOne() {
        StringBuilder text = new StringBuilder("a,b\n1,\"open\n");
        for (int i = 0; i < DelimitedTable.MAX_ROW_LINES + 5; i++) {
            text.append(i).append(",x\n");
        }
        text.append("9,y\"\n");
        DelimitedTable t = DelimitedTable.read(text.toString());
        assertEquals(
                List.of(2L), t.faults().stream().map(DelimitedTable.Row::line).toList());
        assertEquals(DelimitedTable.MAX_ROW_LINES + 7, t.rows().size(), "header, every line after line 2");
        assertEquals(List.of("9", "y\""), t.rows().get(t.rows().size() - 1).cells());
        // a quoted cell spanning a few lines is one cell
        DelimitedTable few = DelimitedTable.read("a,b\n1,\"one\ntwo\nthree\"\n2,x\n");
        assertTrue(few.faults().isEmpty());
        assertEquals("one\ntwo\nthree", few.rows().get(1).cell(1));
        assertEquals(5L, few.rows().get(2).line());
    }

    @Test
    void shouldFindTheStartOfALineWhateverItsLineEnds() {
        String text = "a\r\nb\rc\nd";
        assertEquals(0, DelimitedTable.offsetOfLine(text, 0, 1, 1));
        assertEquals(3, DelimitedTable.offsetOfLine(text, 0, 1, 2));
        assertEquals(5, DelimitedTable.offsetOfLine(text, 0, 1, 3));
        assertEquals(7, DelimitedTable.offsetOfLine(text, 0, 1, 4));
        assertEquals(7, DelimitedTable.offsetOfLine(text, 3, 2, 4), "from the start of a later line");
        assertEquals(-1, DelimitedTable.offsetOfLine(text, 0, 1, 5));
        assertEquals(-1, DelimitedTable.offsetOfLine("a\n", 0, 1, 2), "no line after the last line end");
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
        assertTrue(t.faults().isEmpty());
        assertEquals(List.of("a", "\"Nein\" sagte ich"), t.rows().get(0).cells());
        assertEquals("\"open", t.rows().get(1).cell(1));
        // a spreadsheet re-saving the file quotes a cell holding a comma: that one pair goes
        DelimitedTable saved = DelimitedTable.readUnquoted("\"1,629\"\t\"\"\t\"a \"\"b\"\" c\"\n", '\t');
        assertEquals(
                List.of("1,629", "", "\"a \"\"b\"\" c\""), saved.rows().get(0).cells());
    }
}
