package io.parley.policy;

import java.util.List;

/**
 * The rule packs in force for a debtor, by id, and why each one is: "us-ma: address US-MA", "cn: phone +86...",
 * "default: no pack applies to address FR", "cn: requested". What a decision can record as facts.
 */
public record PackSelection(List<RulePack> packs, List<String> reasons) {
    public PackSelection {
        packs = List.copyOf(packs);
        reasons = List.copyOf(reasons);
    }

    public List<String> ids() {
        return packs.stream().map(RulePack::id).toList();
    }
}
