package org.sessionreview.ingest.session;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms for client identifiers: {@code client_key = hex(HMAC-SHA256(key, client_id))}.
 *
 * <p>The same key gives the same pseudonym for the same client across runs, so trainers and
 * researchers can follow a client over sessions without seeing who it is; without the key the
 * pseudonym cannot be reversed or recomputed from a guessed identifier. The raw identifier is
 * trimmed before hashing. Keys come from a file ({@code --pseudonym-key-file}) or the environment
 * variable {@value #KEY_ENV}; the {@link #demo() demo key} is public and only for synthetic data.
 *
 * <p>Reference: RFC 2104 (HMAC); NIST SP 800-107 on HMAC key lengths.
 */
public final class Pseudonymizer implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Environment variable that may hold the key (UTF-8 text). */
    public static final String KEY_ENV = "SESSION_REVIEW_PSEUDONYM_KEY";
    /** Minimum key length in bytes. */
    public static final int MIN_KEY_BYTES = 16;
    /** The public demo key used with {@code --allow-demo-key}: never for real data. */
    public static final String DEMO_KEY = "session-review-demo-key-NOT-SECRET";

    private final byte[] key;
    private final String source;

    private Pseudonymizer(byte[] key, String source) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("pseudonym key from " + source + " is " + key.length
                    + " bytes; at least " + MIN_KEY_BYTES + " are required");
        }
        this.key = key.clone();
        this.source = source;
    }

    /** A pseudonymizer with a key given as text (UTF-8 bytes, surrounding whitespace trimmed). */
    public static Pseudonymizer fromText(String keyText, String source) {
        return new Pseudonymizer(keyText.trim().getBytes(StandardCharsets.UTF_8), source);
    }

    /** Reads the key from a file (its text, trimmed). */
    public static Pseudonymizer fromFile(Path file) throws IOException {
        return fromText(Files.readString(file, StandardCharsets.UTF_8), "key file " + file);
    }

    /** The public demo key: results are only pseudonymous to people who do not read this code. */
    public static Pseudonymizer demo() {
        return fromText(DEMO_KEY, "demo key");
    }

    /** Where the key came from, for run.json (never the key itself). */
    public String source() {
        return source;
    }

    public boolean isDemo() {
        return Arrays.equals(key, DEMO_KEY.getBytes(StandardCharsets.UTF_8));
    }

    /** The 64-hex-digit pseudonym of {@code clientId}. */
    public String pseudonym(String clientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(clientId.trim().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
