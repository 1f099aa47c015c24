package org.sessionreview.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void shouldWriteVideoTimesAsMinutesAndSecondsTruncatedNotWrappedAtAnHour() {
        assertEquals("00:00", Format.mmss(0));
        assertEquals("00:59", Format.mmss(59.99));
        assertEquals("09:30", Format.mmss(570.5));
        assertEquals("16:00", Format.mmss(960));
        assertEquals("60:01", Format.mmss(3601));
        assertEquals("00:00", Format.mmss(-83));
    }

    @Test
    void shouldWriteFragmentSecondsWithoutTrailingZerosAndNeverNegative() {
        assertEquals("570.5", Format.fragmentSeconds(570.5));
        assertEquals("1129", Format.fragmentSeconds(1129.0));
        assertEquals("72.078", Format.fragmentSeconds(72.078125));
        assertEquals("0", Format.fragmentSeconds(-3));
        assertEquals("0", Format.fragmentSeconds(0));
    }

    @Test
    void shouldWriteNumbersLocaleIndependentlyWithADashForMissing() {
        assertEquals("6.7", Format.number(6.682, 1));
        assertEquals("0.0", Format.number(-0.01, 1));
        assertEquals("\u2014", Format.number(null, 1));
        assertEquals("98 %", Format.percent(0.9839));
        assertEquals(
                "49 %", Format.percent(0.4995), "truncated as the flag reasons are: never 50 % below the threshold");
        assertEquals("100 %", Format.percent(1.0));
        assertEquals("57 %", Format.percent(0.57), "no floating-point slip below a whole percentage");
        assertEquals("5.5 min", Format.minutes(330.5));
    }

    @Test
    void shouldShowAnUnknownClientBurdenAsNoDataNotAsZero() {
        java.util.Map<String, Object> none = new java.util.HashMap<>();
        none.put("anxiety_episodes", null);
        none.put("anxiety_time_s", null);
        assertEquals(java.util.List.of("\u2014", "no client data"), java.util.List.of(Rows.anxiety(none)));
        assertEquals(
                java.util.List.of("2", "6.3 min"),
                java.util.List.of(Rows.anxiety(java.util.Map.of("anxiety_episodes", 2, "anxiety_time_s", 378.0))));
        assertEquals(
                java.util.List.of("0", "0.0 min"),
                java.util.List.of(Rows.anxiety(java.util.Map.of("anxiety_episodes", 0, "anxiety_time_s", 0.0))));
    }
}
