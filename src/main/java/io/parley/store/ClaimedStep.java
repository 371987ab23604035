package io.parley.store;

import io.parley.domain.Account;
import io.parley.domain.Channel;
import io.parley.domain.Debtor;
import io.parley.policy.ContactPreferences;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A due step this instance holds the lease on, with everything needed to run it: the enrollment, its debtor and
 * the debtor's contact points as they are now, the channels this enrollment has already delivered on, the rule packs
 * it asked for, the debtor's contact preferences and the holds on the case (dispute, attorney, bankruptcy).
 */
public record ClaimedStep(UUID enrollmentId, int runNo, String stepId, int retry, String phase, UUID attemptId,
                          Instant dueAt, String caseId, String sequenceName, int sequenceVersion, Instant startedAt,
                          ZoneId zone, Account account, JsonObject variables, boolean replied, boolean promised,
                          Debtor debtor, List<StoredContactPoint> contacts, Set<Channel> deliveredOn,
                          List<String> policyPacks, ContactPreferences preferences, Set<String> holds) {

    public boolean awaitingOutcome() {
        return DueSteps.PHASE_AWAIT.equals(phase);
    }
}
