package io.parley.policy;

import io.parley.domain.Debtor;

import java.util.List;

/** Chooses the rule packs in force for a debtor: the ones asked for, or those that apply where the debtor is. */
public interface PackSelector {
    /**
     * @param requested pack ids the enrollment names; empty = derive from the debtor's address and phone numbers,
     *                  falling back to the default pack
     */
    List<RulePack> select(Debtor debtor, List<String> requested);
}
