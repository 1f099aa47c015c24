package org.sessionreview.ingest.e4;

/**
 * The identity of a stored input file as run.json records it.
 *
 * @param sizeBytes the stored size (compressed for a {@code .gz} file), bytes
 * @param sha256 the SHA-256 of the stored bytes, lower-case hex
 */
public record FileIdentity(long sizeBytes, String sha256) {}
