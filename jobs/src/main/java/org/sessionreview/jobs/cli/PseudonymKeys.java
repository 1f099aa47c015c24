package org.sessionreview.jobs.cli;

import java.util.function.Function;
import org.sessionreview.ingest.session.Pseudonymizer;
import org.sessionreview.storage.Entry;

/**
 * Where a command's pseudonym key comes from, the same for every command that pseudonymises
 * ({@code review}, {@code replay}, {@code export}): {@code --pseudonym-key-file FILE}, else the
 * environment variable {@value Pseudonymizer#KEY_ENV}, else the public demo key when {@code
 * --allow-demo-key} is given; otherwise a {@link UsageException}.
 */
public final class PseudonymKeys {
    private PseudonymKeys() {}

    /** The key from {@code --pseudonym-key-file} (a path or URI; null when not given), the environment or the demo key. */
    public static Pseudonymizer resolve(String keyFileArg, boolean allowDemo, Function<String, String> env)
            throws UsageException {
        return resolve(ReviewOptions.location("--pseudonym-key-file", keyFileArg), allowDemo, env);
    }

    /** As {@link #resolve(String, boolean, Function)} with the key file already located (null when not given). */
    public static Pseudonymizer resolve(Entry keyFile, boolean allowDemo, Function<String, String> env)
            throws UsageException {
        Pseudonymizer given = given(keyFile, env);
        if (given != null && given.isDemo() && !allowDemo) {
            // the public key makes pseudonyms anyone can recompute from a guessed client id
            throw new UsageException("the pseudonym key given is the public demo key: use your own secret key"
                    + " (--allow-demo-key only for synthetic data)");
        }
        if (given != null) {
            return given;
        }
        if (allowDemo) {
            return Pseudonymizer.demo();
        }
        throw new UsageException("no pseudonym key: give --pseudonym-key-file FILE or set "
                + Pseudonymizer.KEY_ENV + " (client identifiers are protected; use --allow-demo-key"
                + " only for synthetic data)");
    }

    /** The key from the file or the environment; null when neither gives one. */
    private static Pseudonymizer given(Entry keyFile, Function<String, String> env) throws UsageException {
        try {
            if (keyFile != null) {
                if (!keyFile.exists()) {
                    throw new UsageException("pseudonym key file " + keyFile + " is not readable");
                }
                return Pseudonymizer.fromText(keyFile.readString(), "key file " + keyFile);
            }
            String fromEnv = env.apply(Pseudonymizer.KEY_ENV);
            if (fromEnv != null && !fromEnv.isBlank()) {
                return Pseudonymizer.fromText(fromEnv, "environment variable " + Pseudonymizer.KEY_ENV);
            }
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new UsageException(e.getMessage());
        }
        return null;
    }
}
