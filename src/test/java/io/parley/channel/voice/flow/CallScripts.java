package io.parley.channel.voice.flow;

import io.parley.template.CallScript;

import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

/** A call script and rules for flow tests: each prompt's text says which prompt it is. */
final class CallScripts {
    static final String VOICEMAIL = "VOICEMAIL: please call Acme at 800";
    static final String AGENT = "+18005550100";
    static final ZoneId ZONE = ZoneId.of("America/New_York");

    private CallScripts() {
    }

    static CallScript script(boolean secondFactor, boolean thirdPartyMessage) {
        Map<String, String> prompts = new LinkedHashMap<>();
        for (String key : new String[]{CallScript.GREETING, CallScript.UNVERIFIED, CallScript.DISCLOSURE,
                CallScript.MENU, CallScript.BALANCE, CallScript.PROMISE_AMOUNT, CallScript.PROMISE_DATE,
                CallScript.DATE_REFUSED, CallScript.PROMISE_RECORDED, CallScript.TRANSFER, CallScript.OPTED_OUT,
                CallScript.NO_INPUT, CallScript.INVALID, CallScript.GOODBYE}) {
            prompts.put(key, key.toUpperCase());
        }
        prompts.put(CallScript.PROMISE_CONFIRM, "PROMISECONFIRM {{promise.amount}} {{promise.date}}");
        if (thirdPartyMessage) {
            prompts.put(CallScript.THIRD_PARTY, "THIRDPARTY");
        }
        if (secondFactor) {
            prompts.put(CallScript.SECOND_FACTOR, "SECONDFACTOR");
        }
        return new CallScript("en", "Polly.Joanna", "en-US", Currency.getInstance("USD"), prompts,
                secondFactor ? "1985" : null);
    }

    static CallRules rules(boolean disclosure, boolean voicemailAllowed, boolean secondFactor) {
        return new CallRules(disclosure, VOICEMAIL, voicemailAllowed, "us-regf/voice/voicemail", secondFactor, 30,
                ZONE, AGENT);
    }

    /** The prompts that reveal something about the debt. */
    static boolean disclosesDebt(String text) {
        return text.startsWith("DISCLOSURE") || text.startsWith("BALANCE") || text.startsWith("MENU")
                || text.startsWith("PROMISE");
    }
}
