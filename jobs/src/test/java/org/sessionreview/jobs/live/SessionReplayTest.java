package org.sessionreview.jobs.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sessionreview.ingest.IngestedSession;
import org.sessionreview.live.LiveJson;
import org.sessionreview.live.LiveMessage;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Channel;
import org.sessionreview.model.SampleBlock;
import org.sessionreview.model.SessionInfo;

/** One session's messages: start first, end last, all due in order, made a few blocks at a time. */
class SessionReplayTest {
    private static final String ID = "T01-20260302-1000";

    @Test
    void shouldSendStartThenSamplesAndEventsInDueOrderThenEndWhenASessionIsReplayed() {
        IngestedSession s = SyntheticSessions.session(ID, SyntheticSessions.MEDIA_START, 400, 3);
        RecordedSession recorded = RecordedSession.of(s, SyntheticSessions.BLOCK_MILLIS);
        List<DueMessage> messages = SyntheticSessions.drain(recorded.replay(1));

        long earliest = s.blocks.stream()
                .filter(b -> !b.endOfStream)
                .mapToLong(b -> b.startMillis)
                .min()
                .orElseThrow();
        assertEquals(SyntheticSessions.MEDIA_START - 72_000, earliest, "the therapist's lead");
        DueMessage first = messages.get(0);
        assertEquals(LiveMessage.SESSION_START, first.message().type);
        assertEquals(earliest, first.dueMillis());
        DueMessage last = messages.get(messages.size() - 1);
        assertEquals(LiveMessage.SESSION_END, last.message().type);
        for (int i = 1; i < messages.size(); i++) {
            assertTrue(messages.get(i).dueMillis() >= messages.get(i - 1).dueMillis(), "due order at " + i);
            assertEquals(ID, messages.get(i).message().sessionId);
            SampleMessagesTest.assertSameAfterJson(messages.get(i).message());
        }
        assertEquals(messages.get(messages.size() - 2).dueMillis(), last.dueMillis(), "end with the last message");
        assertEquals(
                1,
                messages.stream()
                        .filter(d -> d.message().type.equals(LiveMessage.SESSION_START))
                        .count());
        assertEquals(
                1,
                messages.stream()
                        .filter(d -> d.message().type.equals(LiveMessage.SESSION_END))
                        .count());

        assertEquals(sampleCounts(s), sentCounts(messages));
        List<DueMessage> events = messages.stream()
                .filter(d -> d.message().type.equals(LiveMessage.EVENT))
                .toList();
        assertEquals(s.annotations.size(), events.size());
        for (int i = 0; i < events.size(); i++) {
            Annotation a = s.annotations.get(i);
            LiveMessage m = events.get(i).message();
            assertEquals(
                    SyntheticSessions.MEDIA_START + Math.round(a.startS * 1000),
                    events.get(i).dueMillis());
            assertEquals(
                    List.of(
                            a.code,
                            a.family,
                            a.actor,
                            a.startS,
                            String.valueOf(a.endS),
                            String.valueOf(a.significance),
                            String.valueOf(a.modifiers),
                            a.label,
                            a.sourceFile,
                            a.sourceLine),
                    List.of(
                            m.code,
                            m.family,
                            m.actor,
                            m.startS,
                            String.valueOf(m.endS),
                            String.valueOf(m.significance),
                            String.valueOf(m.modifiers),
                            m.label,
                            m.sourceFile,
                            m.sourceLine));
        }
    }

    @Test
    void shouldCarryTheSessionJsonFieldsWithThePseudonymWhenTheSessionStarts() {
        SessionInfo info = SyntheticSessions.info(ID, SyntheticSessions.MEDIA_START);
        info.wearers.add("client");
        LiveMessage m = SessionMessages.start(info, ID + "~2");
        assertEquals(ID + "~2", m.sessionId);
        assertEquals(
                List.of(
                        "T01",
                        SyntheticSessions.CLIENT_KEY,
                        3,
                        info.mediaStartText,
                        1560.0,
                        true,
                        false,
                        "folder-" + ID),
                List.of(
                        m.therapistId,
                        m.clientKey,
                        m.sessionNumber,
                        m.mediaStart,
                        m.durationS,
                        m.consentSupervision,
                        m.consentResearch,
                        m.folder));
        // session.json's other fields may hold names or notes: not sent (before: {"room":"B2"} was)
        assertNull(m.metadataJson);
        String json = new String(LiveJson.write(m), StandardCharsets.UTF_8);
        assertFalse(json.contains("client_id") || json.contains("B2"), json);
        LiveMessage back = LiveJson.parse((ID + "~2").getBytes(StandardCharsets.UTF_8), LiveJson.write(m));
        assertNull(back.problem);

        info.durationDeclared = false;
        assertNull(SessionMessages.start(info, ID).durationS, "an undeclared duration is not sent");
    }

    @Test
    void shouldNumberTheEventsThatShareALine() {
        IngestedSession s = SyntheticSessions.session(ID, SyntheticSessions.MEDIA_START, 400, 3);
        s.annotations.forEach(a -> a.sourceLine = 1); // a BORIS project: every event on line 1
        List<LiveMessage> events =
                SyntheticSessions.drain(RecordedSession.of(s, SyntheticSessions.BLOCK_MILLIS)
                                .replay(1))
                        .stream()
                        .map(DueMessage::message)
                        .filter(m -> m.type.equals(LiveMessage.EVENT))
                        .toList();
        assertEquals(s.annotations.size(), events.size());
        // before: all sent as annotations.jsonl:1, and the live job refused all but the first as duplicates
        assertEquals(
                java.util.stream.IntStream.range(0, events.size()).boxed().toList(),
                events.stream().map(m -> m.sourceRecord).toList());
        for (LiveMessage m : events) {
            LiveMessage back = LiveJson.parse(ID.getBytes(StandardCharsets.UTF_8), LiveJson.write(m));
            assertEquals(m.sourceRecord, back.sourceRecord);
        }
    }

    @Test
    void shouldListDeclaredWearersWithoutDataInRoleOrder() {
        SessionInfo info = SyntheticSessions.info(ID, SyntheticSessions.MEDIA_START);
        info.wearers.add("therapist");
        info.missingChannels.add("therapist:TEMP");
        assertEquals(List.of("therapist"), SessionMessages.declaredWearers(info));
        for (Channel c : Channel.values()) {
            info.missingChannels.add("client:" + c.name()); // the client's folder was declared but gave nothing
        }
        assertEquals(List.of("client", "therapist"), SessionMessages.declaredWearers(info));
    }

    @Test
    void shouldGiveEachCopyItsOwnIdAndTheSameMessages() {
        RecordedSession recorded = RecordedSession.of(
                SyntheticSessions.session(ID, SyntheticSessions.MEDIA_START, 100, 4), SyntheticSessions.BLOCK_MILLIS);
        assertEquals(ID, recorded.replay(1).sessionId());
        assertEquals(ID + "~2", recorded.replay(2).sessionId());
        assertEquals(ID + "~3", RecordedSession.copyId(ID, 3));
        assertThrows(IllegalArgumentException.class, () -> RecordedSession.copyId(ID, 0));
        List<DueMessage> one = SyntheticSessions.drain(recorded.replay(1));
        List<DueMessage> three = SyntheticSessions.drain(recorded.replay(3));
        assertEquals(one.size(), three.size());
        for (int i = 0; i < one.size(); i++) {
            assertEquals(ID + "~3", three.get(i).message().sessionId);
            assertEquals(one.get(i).dueMillis(), three.get(i).dueMillis());
            three.get(i).message().sessionId = ID;
            assertArrayEquals(
                    LiveJson.write(one.get(i).message()),
                    LiveJson.write(three.get(i).message()),
                    "message " + i);
        }
    }

    @Test
    void shouldCutOnlyTheBlocksDueNextWhenMessagesAreTaken() {
        IngestedSession s = SyntheticSessions.session(ID, SyntheticSessions.MEDIA_START, 1200, 5);
        SessionReplay replay =
                RecordedSession.of(s, SyntheticSessions.BLOCK_MILLIS).replay(1);
        int most = 0;
        int sent = 0;
        while (replay.hasNext()) {
            replay.next();
            sent++;
            most = Math.max(most, replay.pendingCount());
        }
        // 2 wearers x 6 channels x 30 messages a block: two blocks each at most
        assertTrue(most <= 2 * 6 * 30 * 2, "held " + most + " of " + sent + " messages at once");
        assertTrue(sent > 20 * most, sent + " messages, " + most + " at most held");
    }

    @Test
    void shouldStartAtMediaStartWhenItPrecedesTheData() {
        IngestedSession s = SyntheticSessions.session(ID, SyntheticSessions.MEDIA_START, 100, 6);
        s.info.mediaStartMillis -= 600_000;
        s.annotations.clear();
        DueMessage start =
                RecordedSession.of(s, SyntheticSessions.BLOCK_MILLIS).replay(1).next();
        assertEquals(SyntheticSessions.MEDIA_START - 600_000, start.dueMillis());
    }

    /** Samples (beats) per wearer/channel in the ingested blocks. */
    static Map<String, Long> sampleCounts(IngestedSession s) {
        Map<String, Long> counts = new TreeMap<>();
        for (SampleBlock b : s.blocks) {
            if (!b.endOfStream) {
                counts.merge(b.role + "/" + b.channel, (long) b.sampleCount(), Long::sum);
            }
        }
        return counts;
    }

    private static Map<String, Long> sentCounts(List<DueMessage> messages) {
        Map<String, Long> counts = new TreeMap<>();
        for (DueMessage d : messages) {
            if (d.message().type.equals(LiveMessage.SAMPLES)) {
                counts.merge(
                        d.message().wearer + "/" + d.message().channel,
                        (long) Replayer.sampleCount(d.message()),
                        Long::sum);
            }
        }
        return counts;
    }
}
