package org.sessionreview.ingest.flink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.sessionreview.model.InputFileStats;
import org.sessionreview.model.Reject;

/**
 * Writes a {@link SessionFolderSplit} field by field (version 1): the folder, or the scan's
 * rejects and file rows. Used when the enumerator sends a split to a reader and in the readers'
 * and the enumerator's checkpoints. Strings are length-prefixed UTF-8 (not {@code writeUTF}, which
 * fails above 64 KB: a session id peeked from a hostile manifest can be that long).
 */
public final class SessionFolderSplitSerializer implements SimpleVersionedSerializer<SessionFolderSplit> {
    public static final SessionFolderSplitSerializer INSTANCE = new SessionFolderSplitSerializer();

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(SessionFolderSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        write(out, split);
        return out.getCopyOfBuffer();
    }

    @Override
    public SessionFolderSplit deserialize(int version, byte[] serialized) throws IOException {
        checkVersion(version);
        return read(new DataInputDeserializer(serialized));
    }

    static void checkVersion(int version) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown serialization version " + version + " (this build reads " + VERSION + ")");
        }
    }

    static void write(DataOutputView out, SessionFolderSplit split) throws IOException {
        SessionTask task = split.task();
        writeString(out, task.folder);
        out.writeInt(task.rejects.size());
        for (Reject r : task.rejects) {
            writeString(out, r.sessionId);
            writeString(out, r.sourceFile);
            out.writeLong(r.line);
            writeString(out, r.reason);
            writeString(out, r.raw);
        }
        out.writeInt(task.files.size());
        for (InputFileStats f : task.files) {
            writeString(out, f.sessionId);
            writeString(out, f.path);
            writeString(out, f.kind);
            out.writeLong(f.sizeBytes);
            writeString(out, f.sha256);
            out.writeLong(f.recordsRead);
            out.writeLong(f.recordsAccepted);
            out.writeLong(f.recordsRejected);
            writeString(out, f.firstReject);
        }
    }

    static SessionFolderSplit read(DataInputView in) throws IOException {
        SessionTask task = new SessionTask();
        task.folder = readString(in);
        int rejects = in.readInt();
        List<Reject> rs = new ArrayList<>(rejects);
        for (int i = 0; i < rejects; i++) {
            Reject r = new Reject(); // the no-arg constructor: the texts were cut when first made
            r.sessionId = readString(in);
            r.sourceFile = readString(in);
            r.line = in.readLong();
            r.reason = readString(in);
            r.raw = readString(in);
            rs.add(r);
        }
        int files = in.readInt();
        List<InputFileStats> fs = new ArrayList<>(files);
        for (int i = 0; i < files; i++) {
            InputFileStats f = new InputFileStats();
            f.sessionId = readString(in);
            f.path = readString(in);
            f.kind = readString(in);
            f.sizeBytes = in.readLong();
            f.sha256 = readString(in);
            f.recordsRead = in.readLong();
            f.recordsAccepted = in.readLong();
            f.recordsRejected = in.readLong();
            f.firstReject = readString(in);
            fs.add(f);
        }
        task.rejects = rs;
        task.files = fs;
        return new SessionFolderSplit(task);
    }

    private static void writeString(DataOutputView out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputView in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
