package org.sessionreview.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class GroupAtEndFunctionTest {
    /** key = first letter; the step returns "key:count:concatenation in arrival order". */
    private static final GroupAtEndFunction.Step<String, String> STEP =
            rows -> List.of(rows.get(0).charAt(0) + ":" + rows.size() + ":" + String.join("", rows));

    @Test
    void shouldHandEachKeysRowsToTheStepOnceWhenTheInputEndsAndThenClearTheKey() throws Exception {
        KeySelector<String, String> byLetter = s -> s.substring(0, 1);
        try (KeyedOneInputStreamOperatorTestHarness<String, String, String> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new GroupAtEndFunction<String, String, String>(STEP, Types.STRING), byLetter, Types.STRING)) {
            h.processElement("a1", 0);
            h.processElement("b1", 0);
            h.processElement("a2", 0);
            h.processWatermark(1_000_000);
            assertEquals(List.of(), h.extractOutputValues(), "nothing before the input ends");
            h.processWatermark(Long.MAX_VALUE);
            List<String> out = new ArrayList<>(h.extractOutputValues());
            out.sort(null);
            assertEquals(List.of("a:2:a1a2", "b:1:b1"), out);
            assertEquals(0, h.numKeyedStateEntries(), "state cleared after the step");
        }
    }
}
