package io.parley.store;

import io.parley.domain.Account;
import io.parley.domain.Debtor;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** An enrollment about to be created, with its first step and when it is due. */
public record NewEnrollment(UUID id, String caseId, Debtor debtor, Account account, JsonObject variables,
                            String sequenceName, int sequenceVersion, Instant startedAt, ZoneId zone,
                            String firstStepId, Instant firstDueAt, Instant createdAt) {
}
