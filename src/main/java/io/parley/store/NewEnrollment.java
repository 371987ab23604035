package io.parley.store;

import io.parley.domain.Account;
import io.parley.domain.Debtor;
import io.parley.policy.ContactPreferences;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * An enrollment about to be created, with its first step and when it is due, the rule packs it asks for (empty =
 * derive), the debtor's contact preferences when the request states them (null = keep what is stored), and the
 * experiment and variant it was assigned (null when its sequence runs none).
 */
public record NewEnrollment(UUID id, String caseId, Debtor debtor, Account account, JsonObject variables,
                            String sequenceName, int sequenceVersion, Instant startedAt, ZoneId zone,
                            String firstStepId, Instant firstDueAt, Instant createdAt, List<String> policyPacks,
                            ContactPreferences preferences, String experiment, String variant) {
}
