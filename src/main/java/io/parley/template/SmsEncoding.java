package io.parley.template;

/**
 * The data coding an SMS is sent with. GSM_7 packs characters of the GSM 03.38 alphabet into septets; any other
 * character forces UCS_2, counted in UTF-16 code units. The limits are per segment: single message, and part of a
 * concatenated message (whose user data header takes the difference).
 */
public enum SmsEncoding {
    GSM_7(160, 153),
    UCS_2(70, 67);

    private final int singleLimit;
    private final int partLimit;

    SmsEncoding(int singleLimit, int partLimit) {
        this.singleLimit = singleLimit;
        this.partLimit = partLimit;
    }

    /** Units (septets or code units) that fit in a message sent as one segment. */
    public int singleLimit() {
        return singleLimit;
    }

    /** Units that fit in each part of a concatenated message. */
    public int partLimit() {
        return partLimit;
    }
}
