package io.parley.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.domain.Channel;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the packs ask of a call: the strictest of each wins, named by its pack, and travels in the decision facts. */
class CallConductRulesTest {
    private static final RulePackCatalog SHIPPED = RulePackCatalog.loadDirectory(Path.of("conf", "policies"));

    private static RulePack pack(String id, CallConduct call) {
        return new RulePack(id, "", PolicyFixtures.applies("US"), Map.of(Channel.VOICE, new ChannelRules(
                LocalTime.of(8, 0), LocalTime.of(21, 0), Set.of(), List.of(), java.time.Duration.ZERO, call)),
                List.of(), 0);
    }

    @Test
    void theStrictestOfEachWins() {
        RulePack lenient = pack("lenient", new CallConduct(false, CallConduct.Voicemail.LIMITED, false, 60));
        RulePack strict = pack("strict", new CallConduct(true, CallConduct.Voicemail.NONE, true, 10));
        CallConductRules rules = CallConductRules.combine(List.of(lenient, strict));
        assertEquals(new Sourced<>(true, "strict"), rules.disclosure());
        assertEquals(new Sourced<>(CallConduct.Voicemail.NONE, "strict"), rules.voicemail());
        assertEquals(new Sourced<>(true, "strict"), rules.secondFactor());
        assertEquals(new Sourced<>(10, "strict"), rules.promiseWithinDays());
        assertEquals(rules, CallConductRules.combine(List.of(strict, lenient)));
    }

    @Test
    void whatNoPackStatesIsTheDefault() {
        CallConductRules rules = CallConductRules.combine(List.of(pack("quiet", CallConduct.UNSTATED)));
        assertEquals(new CallConductRules(new Sourced<>(false, "none"),
                new Sourced<>(CallConduct.Voicemail.LIMITED, "none"), new Sourced<>(false, "none"),
                new Sourced<>(30, "none")), rules);
        RulePack longer = pack("longer", new CallConduct(null, null, null, 45));
        assertEquals(new Sourced<>(45, "longer"), CallConductRules.combine(List.of(longer)).promiseWithinDays(),
                "a pack's own horizon stands even when it is longer than the default");
    }

    @Test
    void theShippedPacksAsTheirJurisdictionsRead() {
        CallConductRules us = CallConductRules.combine(List.of(SHIPPED.find("us-regf").orElseThrow(),
                SHIPPED.find("us-wa").orElseThrow()));
        assertEquals(new Sourced<>(true, "us-regf"), us.disclosure());
        assertEquals(new Sourced<>(CallConduct.Voicemail.LIMITED, "us-regf"), us.voicemail());
        CallConductRules cn = CallConductRules.combine(List.of(SHIPPED.find("cn").orElseThrow()));
        assertEquals(new Sourced<>(CallConduct.Voicemail.NONE, "cn"), cn.voicemail());
        assertEquals(new Sourced<>(15, "cn"), cn.promiseWithinDays());
        assertEquals(new Sourced<>(false, "none"), cn.disclosure());
    }

    @Test
    void travelsInTheDecisionFactsAndReadsBack() {
        CallConductRules rules = CallConductRules.combine(List.of(SHIPPED.find("us-regf").orElseThrow()));
        assertEquals(rules, CallConductRules.fromFacts(rules.facts()).orElseThrow());
        assertEquals(true, CallConductRules.fromFacts(Map.of("disclosure", 1)).isEmpty());
    }
}
