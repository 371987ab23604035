package io.parley.channel.voice.flow;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What a call must respect, from the rule packs in force and the step: whether the pack's disclosure is said right
 * after verification, whether a voicemail may be left (and which text, from the step's limited-content template),
 * whether a second factor is required, how far ahead a promise may be dated, and where the debtor is (whose day it
 * is). Each reason names the pack or step it comes from, for the timeline.
 *
 * @param voicemail         the limited-content message the step leaves on a machine; null = none
 * @param voicemailAllowed  whether the packs allow leaving it
 * @param promiseWithinDays the latest promised date accepted, in days after today (in zone)
 * @param agentNumber       where option 3 puts the caller through; null = no agents
 */
public record CallRules(boolean disclosure, String voicemail, boolean voicemailAllowed, String voicemailRule,
                        boolean secondFactor, int promiseWithinDays, ZoneId zone, String agentNumber) {
    public CallRules {
        Objects.requireNonNull(zone, "zone");
        if (promiseWithinDays < 0) {
            throw new IllegalArgumentException("promiseWithinDays must not be negative: " + promiseWithinDays);
        }
    }

    /** Whether a machine that answers gets the voicemail. */
    boolean leavesVoicemail() {
        return voicemailAllowed && voicemail != null && !voicemail.isBlank();
    }
}
