package com.videoapi.portal.security.passwords.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The passwords attackers try first: the bundled list {@value #RESOURCE} (leaked passwords, most common
 * first; source, licence and how it was made in {@code common-passwords.NOTICE.txt} beside it). NIST SP
 * 800-63B 3.1.1.2 asks to refuse them, and ASVS 5.0 V6.2.4 and V6.2.12 at sign-up and password change.
 *
 * <p>A password is common when, in lower case, it is on the list, or is once its spaces are removed
 * ("qwerty 123456"): guessing tools try both. The list keeps only entries that the length rule allows
 * (ASVS: "passwords which match the application's password policy"), so none is dead weight.
 *
 * <p>Loaded once per deployment, at the first look-up, into an immutable hash set: 43,940 entries,
 * about 3.5 MiB of heap, 20 to 90 ms (measured on the 2-core machine, C1 only; see docs/security.md).
 */
public final class CommonPasswords {

    static final String RESOURCE = "common-passwords.txt";

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");

    private CommonPasswords() {
    }

    /** @param normalised the password as {@link PasswordPolicy#normalised} makes it */
    public static boolean contains(String normalised) {
        String lower = normalised.toLowerCase(Locale.ROOT);
        Set<String> list = Loaded.LIST;
        return list.contains(lower) || list.contains(lower.replaceAll("\\s+", ""));
    }

    static int size() {
        return Loaded.LIST.size();
    }

    /** Holder: the list is read when first needed, once, and safely published by class initialisation. */
    private static final class Loaded {

        static final Set<String> LIST = load();
    }

    static Set<String> load() {
        long start = System.nanoTime();
        List<String> passwords = new ArrayList<>(45_000);
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The list of common passwords " + RESOURCE + " is missing from the build");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isEmpty()) {
                    passwords.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the list of common passwords " + RESOURCE, e);
        }
        // Set.copyOf: an open-addressing table, no entry objects: about half the heap of a HashSet.
        Set<String> list = Set.copyOf(passwords);
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info(() -> "Loaded " + list.size() + " common passwords in " + millis + " ms");
        return list;
    }
}
