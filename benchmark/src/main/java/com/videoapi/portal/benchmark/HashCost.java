package com.videoapi.portal.benchmark;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * H: the CPU time of one password hash as the portal makes it (PBKDF2-HMAC-SHA256 through the JDK's
 * {@code SecretKeyFactory}, a 32-byte salt and key), measured as this thread's CPU time over a loop
 * after a warm-up loop (the JIT compiles SHA-256's intrinsics first). CPU time, not wall time: other
 * processes on the machine do not inflate it.
 */
final class HashCost {

    private HashCost() {
    }

    /** Nanoseconds of CPU per hash at {@code iterations}. */
    static double nanosPerHash(int iterations) {
        // About 3 s of hashing to warm up, then 3 s measured, whatever the count.
        int rounds = Math.max(10, (int) (20L * 600_000 / iterations));
        hash(iterations, rounds);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        hash(iterations, rounds);
        return (threads.getCurrentThreadCpuTime() - start) / (double) rounds;
    }

    private static void hash(int iterations, int rounds) {
        try {
            SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            SecureRandom random = new SecureRandom();
            byte[] salt = new byte[32];
            char[] password = "correct horse battery staple".toCharArray();
            for (int i = 0; i < rounds; i++) {
                random.nextBytes(salt);
                pbkdf2.generateSecret(new PBEKeySpec(password, salt, iterations, 256)).getEncoded();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
