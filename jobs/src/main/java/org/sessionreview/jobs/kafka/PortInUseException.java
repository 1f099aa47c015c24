package org.sessionreview.jobs.kafka;

import java.io.IOException;

/** The broker's port on localhost is taken (another broker, or any other program). */
public final class PortInUseException extends IOException {
    private final int port;

    PortInUseException(int port, Throwable cause) {
        super(
                "port " + port + " on localhost is already in use (another Kafka broker?); stop that program or choose"
                        + " another port with --port",
                cause);
        this.port = port;
    }

    /** The port that could not be bound. */
    public int port() {
        return port;
    }
}
