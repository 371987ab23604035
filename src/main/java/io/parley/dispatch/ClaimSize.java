package io.parley.dispatch;

/**
 * How many due steps a dispatcher's next claim takes. A batch is one transaction, so a step whose writes the
 * database refuses (a constraint, a trigger, data it cannot store) fails every batch it is claimed in, and the
 * claim rolls back with it: claimed again at once, it would hold up every step claimed alongside it, for ever.
 * After a batch of {@code n} fails, the next claim takes half as many (the earliest due first, as always), so the
 * steps due before the bad one go in batches that commit; a batch of one that fails is that step alone, and it is
 * set aside for a lease while the others go. Each batch that commits doubles the size again, up to the full batch.
 * Used on the dispatcher's context only.
 */
final class ClaimSize {
    private final int full;
    private int limit;

    ClaimSize(int full) {
        if (full < 1) {
            throw new IllegalArgumentException("a batch takes at least one step: " + full);
        }
        this.full = full;
        this.limit = full;
    }

    /** The most the next claim takes. */
    int limit() {
        return limit;
    }

    /** A batch committed: the next may be twice as large, up to the full batch. */
    void committed() {
        limit = (int) Math.min(full, 2L * limit);
    }

    /**
     * A batch of {@code claimed} steps failed to commit (not for want of a database): the next claim takes half as
     * many. Answers whether the failed batch was a single step, to be set aside.
     */
    boolean failed(int claimed) {
        if (claimed <= 0) {
            return false;
        }
        limit = Math.max(1, Math.min(limit, claimed / 2));
        return claimed == 1;
    }
}
