package org.sessionreview.ingest.flink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * The checkpoint of {@link SessionFolderEnumerator}: the splits not yet handed to any reader. The
 * scan is not repeated on restore; splits that readers held come back through their own state or
 * through {@code addSplitsBack}.
 */
public record SessionFolderEnumeratorState(List<SessionFolderSplit> unassigned) {
    public SessionFolderEnumeratorState {
        unassigned = List.copyOf(unassigned);
    }

    /**
     * A count, then each split as {@link SessionFolderSplitSerializer} writes it; shares that
     * serializer's version, since the splits are the whole body.
     */
    public static final class Serializer implements SimpleVersionedSerializer<SessionFolderEnumeratorState> {
        public static final Serializer INSTANCE = new Serializer();

        @Override
        public int getVersion() {
            return SessionFolderSplitSerializer.INSTANCE.getVersion();
        }

        @Override
        public byte[] serialize(SessionFolderEnumeratorState state) throws IOException {
            DataOutputSerializer out = new DataOutputSerializer(256);
            out.writeInt(state.unassigned().size());
            for (SessionFolderSplit split : state.unassigned()) {
                SessionFolderSplitSerializer.write(out, split);
            }
            return out.getCopyOfBuffer();
        }

        @Override
        public SessionFolderEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
            SessionFolderSplitSerializer.checkVersion(version);
            DataInputDeserializer in = new DataInputDeserializer(serialized);
            int count = in.readInt();
            List<SessionFolderSplit> splits = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                splits.add(SessionFolderSplitSerializer.read(in));
            }
            return new SessionFolderEnumeratorState(splits);
        }
    }
}
