package org.sessionreview.ingest.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enumerator hands out one folder per request, each folder once, takes a failed reader's
 * splits back, restores from its checkpoint without scanning again, and carries the scan's rejects
 * in one split.
 */
class SessionFolderEnumeratorTest {
    private static final List<String> FOLDERS = List.of("a", "b", "c", "d");

    @TempDir
    Path root;

    private MockSplitEnumeratorContext<SessionFolderSplit> context;

    @BeforeEach
    void sessions() throws IOException {
        for (String folder : FOLDERS) {
            SessionRoots.session(root, folder, "S-" + folder);
        }
        context = new MockSplitEnumeratorContext<>(2);
        context.registerReader(new ReaderInfo(0, "localhost"));
        context.registerReader(new ReaderInfo(1, "localhost"));
    }

    @AfterEach
    void closeContext() throws Exception {
        context.close();
    }

    private SessionFolderEnumerator started(SessionFolderEnumeratorState restored) {
        SessionFolderEnumerator e = new SessionFolderEnumerator(context, root.toString(), restored);
        e.start();
        return e;
    }

    @Test
    void shouldHandDifferentFoldersToTwoReadersWhenBothRequest() {
        SessionFolderEnumerator e = started(null);
        e.handleSplitRequest(0, "localhost");
        e.handleSplitRequest(1, "localhost");
        assertEquals(List.of(Map.of(0, List.of("a")), Map.of(1, List.of("b"))), assignedSince(0));

        // reader 1 is fast: it takes the rest, one request at a time
        e.handleSplitRequest(1, "localhost");
        e.handleSplitRequest(1, "localhost");
        assertEquals(
                List.of(List.of("c"), List.of("d")),
                assignedSince(2).stream().map(m -> m.get(1)).toList());
        assertFalse(context.hasNoMoreSplits(1), "told 'no more' before it asked with nothing left");

        e.handleSplitRequest(1, "localhost");
        e.handleSplitRequest(0, "localhost");
        assertTrue(context.hasNoMoreSplits(0) && context.hasNoMoreSplits(1), "both readers told there is nothing left");
        assertEquals(FOLDERS, allAssigned(), "each folder once");
    }

    @Test
    void shouldReassignASplitWhenItsReaderFails() {
        SessionFolderEnumerator e = started(null);
        e.handleSplitRequest(0, "localhost");
        SessionFolderSplit lost =
                context.getSplitsAssignmentSequence().get(0).assignment().get(0).get(0);
        context.unregisterReader(0);
        e.addSplitsBack(List.of(lost), 0);

        e.handleSplitRequest(1, "localhost");
        assertEquals(List.of("a"), assignedSince(1).get(0).get(1), "the returned split goes out first");
        for (int i = 0; i < 4; i++) {
            e.handleSplitRequest(1, "localhost");
        }
        assertTrue(context.hasNoMoreSplits(1));
        List<String> all = allAssigned();
        assertEquals(List.of("a", "a", "b", "c", "d"), all, "only the lost split is handed out twice");
    }

    @Test
    void shouldIgnoreARequestWhenTheReaderIsGone() {
        SessionFolderEnumerator e = started(null);
        context.unregisterReader(0);
        e.handleSplitRequest(0, "localhost");
        assertTrue(context.getSplitsAssignmentSequence().isEmpty());
        assertFalse(context.hasNoMoreSplits(0));
        e.handleSplitRequest(1, "localhost");
        assertEquals(List.of("a"), assigned(0).get(1), "nothing was lost to the departed reader");
    }

    @Test
    void shouldContinueWithTheUnassignedSplitsWhenRestoredFromASnapshot() throws Exception {
        SessionFolderEnumerator e = started(null);
        e.handleSplitRequest(0, "localhost");
        SessionFolderEnumeratorState.Serializer states = SessionFolderEnumeratorState.Serializer.INSTANCE;
        byte[] checkpoint = states.serialize(e.snapshotState(1L));
        SessionRoots.session(root, "e", "S-e"); // appears after the checkpoint: a restored run does not scan again

        SessionFolderEnumerator restored = started(states.deserialize(states.getVersion(), checkpoint));
        for (int i = 0; i < 4; i++) {
            restored.handleSplitRequest(1, "localhost");
        }
        assertEquals(
                List.of("b", "c", "d"),
                assignedSince(1).stream().map(m -> m.get(1).get(0)).toList());
        assertTrue(context.hasNoMoreSplits(1));
    }

    @Test
    void shouldPutTheScanRejectsIntoOneSplitWhenTheScanRefusesFolders() throws IOException {
        SessionRoots.folderWithoutManifest(root, "empty");
        SessionRoots.session(root, "z-copy", "S-a"); // repeats a's session_id
        List<SessionFolderSplit> splits = SessionFolderEnumerator.scan(root.toString());
        assertEquals(
                List.of("a", "b", "c", "d", SessionFolderSplit.SCAN_SPLIT_ID),
                splits.stream().map(SessionFolderSplit::splitId).toList());
        SessionTask scan = splits.get(4).task();
        assertEquals(
                List.of("empty/", "z-copy/session.json"),
                scan.rejects.stream().map(r -> r.sourceFile).toList());
        assertEquals(
                List.of("empty/", "z-copy/session.json"),
                scan.files.stream().map(f -> f.path).toList());
    }

    @Test
    void shouldHaveNoScanSplitWhenTheScanRefusesNothing() {
        List<SessionFolderSplit> splits = SessionFolderEnumerator.scan(root.toString());
        assertEquals(FOLDERS, splits.stream().map(SessionFolderSplit::splitId).toList());
    }

    /** The splits of the {@code index}-th assignment, by reader, as folder names. */
    private Map<Integer, List<String>> assigned(int index) {
        return names(context.getSplitsAssignmentSequence().get(index));
    }

    private List<Map<Integer, List<String>>> assignedSince(int index) {
        List<SplitsAssignment<SessionFolderSplit>> seq = context.getSplitsAssignmentSequence();
        return seq.subList(index, seq.size()).stream()
                .map(SessionFolderEnumeratorTest::names)
                .toList();
    }

    private List<String> allAssigned() {
        List<String> all = new ArrayList<>();
        for (SplitsAssignment<SessionFolderSplit> a : context.getSplitsAssignmentSequence()) {
            a.assignment().values().forEach(splits -> splits.forEach(s -> all.add(s.splitId())));
        }
        all.sort(null);
        return all;
    }

    private static Map<Integer, List<String>> names(SplitsAssignment<SessionFolderSplit> a) {
        Map<Integer, List<String>> out = new TreeMap<>();
        a.assignment()
                .forEach((reader, splits) -> out.put(
                        reader, splits.stream().map(SessionFolderSplit::splitId).toList()));
        return out;
    }
}
