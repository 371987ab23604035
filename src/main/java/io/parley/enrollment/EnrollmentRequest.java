package io.parley.enrollment;

import io.parley.domain.Account;
import io.parley.domain.Debtor;
import io.parley.policy.ContactPreferences;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request to enroll a case in a contact sequence. Whoever reads one from the outside (the API) checks each member
 * and names what is wrong; the constructor only holds what every request must be.
 *
 * @param caseId          the collection engine's case id
 * @param sequence        the sequence's name
 * @param sequenceVersion the sequence version to pin, or null for the current one
 * @param startAt         when the first step may run at the earliest, or null for now
 * @param debtor          the person contacted, with normalised contact points (phones in E.164)
 * @param account         the debt, its balance scaled to the currency's minor unit
 * @param variables       template variables, in the order given (never null)
 * @param policyPacks     rule packs to apply instead of those derived from the debtor (empty = derive)
 * @param preferences     the debtor's contact preferences, or null to keep those stored
 */
public record EnrollmentRequest(String caseId, String sequence, Integer sequenceVersion, Instant startAt,
                                Debtor debtor, Account account, Map<String, String> variables,
                                List<String> policyPacks, ContactPreferences preferences) {
    public EnrollmentRequest {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(debtor, "debtor");
        Objects.requireNonNull(account, "account");
        if (caseId.isBlank() || sequence.isBlank()) {
            throw new IllegalArgumentException("an enrollment names its case and its sequence");
        }
        if (sequenceVersion != null && sequenceVersion < 1) {
            throw new IllegalArgumentException("sequence versions start at 1, not " + sequenceVersion);
        }
        variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        policyPacks = policyPacks == null ? List.of() : List.copyOf(policyPacks);
    }
}
