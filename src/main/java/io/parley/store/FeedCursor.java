package io.parley.store;

/**
 * A position in the event feed: the writing transaction (txid) and the row id of the last event read. Clients see
 * it as an opaque string "txid:id"; the feed orders events by (txid, id).
 */
public record FeedCursor(long txid, long id) implements Comparable<FeedCursor> {
    /** Before every event. */
    public static final FeedCursor START = new FeedCursor(0, 0);

    public FeedCursor {
        if (txid < 0 || id < 0) {
            throw new IllegalArgumentException("a cursor is made of two whole numbers of zero or more");
        }
    }

    /** Reads a cursor this feed handed out; throws IllegalArgumentException for anything else. */
    public static FeedCursor parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("is not a cursor returned by this API");
        }
        try {
            return new FeedCursor(digits(text.substring(0, colon)), digits(text.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a cursor returned by this API", e);
        }
    }

    private static long digits(String part) {
        for (int i = 0; i < part.length(); i++) {
            if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                throw new IllegalArgumentException("not digits");
            }
        }
        return Long.parseLong(part);
    }

    @Override
    public int compareTo(FeedCursor other) {
        int byTx = Long.compare(txid, other.txid);
        return byTx != 0 ? byTx : Long.compare(id, other.id);
    }

    @Override
    public String toString() {
        return txid + ":" + id;
    }
}
