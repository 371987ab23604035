package io.parley.analytics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Assigns a case to an arm of an experiment, deterministically: the SHA-256 of the experiment's name and the case id
 * picks a point in the sum of the weights, so the same case lands in the same arm every time it is enrolled (and on
 * every instance), and over many cases each arm gets its share.
 */
public final class VariantAssignment {
    private VariantAssignment() {
    }

    /** An arm and its weight (a positive whole number; shares are weight / sum of weights). */
    public record Weighted(String name, int weight) {
        public Weighted {
            if (weight < 1) {
                throw new IllegalArgumentException("variant " + name + ": weight must be at least 1");
            }
        }
    }

    public static String assign(String experiment, String caseId, List<Weighted> variants) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one variant");
        }
        long total = variants.stream().mapToLong(Weighted::weight).sum();
        long point = Long.remainderUnsigned(hash(experiment + '\u0000' + caseId), total);
        for (Weighted v : variants) {
            if (point < v.weight()) {
                return v.name();
            }
            point -= v.weight();
        }
        throw new IllegalStateException("unreachable: point beyond the weights");
    }

    static long hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xff);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
