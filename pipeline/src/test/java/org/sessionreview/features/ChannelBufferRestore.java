package org.sessionreview.features;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/** A {@link ChannelBuffer} as a restore gives it back: through Java serialization, so what is not state is lost. */
final class ChannelBufferRestore {
    private ChannelBufferRestore() {}

    static ChannelBuffer restored(ChannelBuffer buffer) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(buffer);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (ChannelBuffer) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
