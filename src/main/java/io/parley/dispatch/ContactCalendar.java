package io.parley.dispatch;

import io.parley.channel.ChannelModules;
import java.util.Optional;
import io.parley.domain.Account;
import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.domain.Debtor;
import io.parley.policy.CompliancePolicy;
import io.parley.policy.ContactHistory;
import io.parley.policy.ContactPreferences;
import io.parley.policy.ContactRequest;
import io.parley.policy.Decision;
import io.parley.policy.PastContact;
import io.parley.policy.TemplateTraits;
import io.parley.sequence.EnrollmentClock;
import io.parley.sequence.Plan;
import io.parley.sequence.SequenceDefinition;
import io.parley.sequence.SequenceEngine;
import io.parley.sequence.Step;
import io.parley.store.ContactPointStatus;
import io.parley.store.StoredContactPoint;
import io.parley.template.TemplateCatalog;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contact calendar a sequence would produce for a debtor: every planned attempt with when it is due, what the
 * compliance policy decides, and when it would actually go; nothing is sent or stored. Assumes every attempt is
 * delivered (the happy path), so each one counts towards the caps of those after it.
 */
public final class ContactCalendar {
    static final int MAX_ENTRIES = 100;
    private static final int MAX_DEFERRALS = 10;

    private final SequenceEngine engine;
    private final CompliancePolicy policy;
    private final TemplateCatalog templates;
    private final ChannelModules channels;
    private final Set<Channel> sendable;

    public ContactCalendar(SequenceEngine engine, CompliancePolicy policy, TemplateCatalog templates,
                           ChannelModules channels) {
        this.engine = engine;
        this.policy = policy;
        this.templates = templates;
        this.channels = channels;
        this.sendable = Set.copyOf(channels.channels());
    }

    /** What recorded attempts count as in the contact ledger, for the history a preview starts from. */
    public io.parley.store.LedgerCounting counting() {
        return channels;
    }

    /** One planned attempt: due at dueAt; goes at sendAt (null when it never goes); the decisions that said so. */
    public record Entry(String stepId, Channel channel, String template, Instant dueAt, Instant sendAt,
                        List<Decision> decisions) {
    }

    public List<Entry> project(SequenceDefinition def, Debtor debtor, Account account, Instant startAt, ZoneId zone,
                               List<String> packs, ContactPreferences preferences, ContactHistory history) {
        EnrollmentClock clock = new EnrollmentClock(startAt, account.dueDate(), zone);
        List<StoredContactPoint> contacts = new ArrayList<>();
        for (ContactPoint p : debtor.contactPoints()) {
            contacts.add(new StoredContactPoint(contacts.size(), p, ContactPointStatus.VALID));
        }
        // a letter or a field visit goes to the postal address, as an enrollment makes it the point of its channel
        for (Channel channel : sendable) {
            if (channel.format() == io.parley.domain.AddressFormat.POSTAL && debtor.address() != null
                    && debtor.contactPoints().stream().noneMatch(p -> p.channel() == channel)) {
                contacts.add(new StoredContactPoint(contacts.size(), new ContactPoint(channel,
                        debtor.address().postalLine(), channel.format().defaultType(), false), ContactPointStatus.VALID));
            }
        }
        List<Entry> entries = new ArrayList<>();
        ContactHistory seen = history;
        Plan plan = engine.start(def, clock);
        while (plan instanceof Plan.RunStep run && entries.size() < MAX_ENTRIES) {
            Step step = run.step();
            ContactChoice choice = ContactChoice.choose(ContactChoice.options(step), step.audience(), contacts, sendable,
                    preferences, Set.of());
            if (choice.chosen().isEmpty()) {
                Decision none = new Decision.Suppress(StepRunner.NO_CONTACT_RULE, choice.passedOver(), Map.of());
                entries.add(new Entry(step.id(), null, step.template(), run.dueAt(), null, List.of(none)));
                plan = engine.next(def, step.id(), AttemptOutcome.SUPPRESSED, run.retry(), run.dueAt(), clock);
                continue;
            }
            ContactChoice.Chosen chosen = choice.chosen().get();
            ContactPoint point = chosen.point().point();
            TemplateTraits traits = templates.info(chosen.template())
                    .map(t -> new TemplateTraits(t.thirdPartySafe(), t.limitedContent())).orElse(TemplateTraits.ordinary());
            List<Decision> decisions = new ArrayList<>();
            Instant at = run.dueAt();
            Decision decision = null;
            for (int i = 0; i < MAX_DEFERRALS; i++) {
                decision = policy.decide(new ContactRequest("preview", debtor, chosen.channel(), point, traits, packs,
                        seen, preferences, ContactRequest.BorrowerReach.reachable(),
                        channels.counts(chosen.channel(), AttemptStatus.SENDING, Optional.empty(), at).kinds()), at);
                if (!choice.passedOver().isEmpty()) {
                    List<String> reasons = new ArrayList<>(choice.passedOver());
                    reasons.addAll(decision.reasons());
                    decision = StepRunner.withReasons(decision, reasons);
                }
                decisions.add(decision);
                if (!(decision instanceof Decision.Defer defer)) {
                    break;
                }
                at = defer.until();
            }
            boolean goes = decision instanceof Decision.Allow;
            entries.add(new Entry(step.id(), chosen.channel(), chosen.template(), run.dueAt(), goes ? at : null,
                    decisions));
            if (goes) {
                seen = seen.with(new PastContact("preview", chosen.channel(), point.address(), point.type(), at,
                        channels.counts(chosen.channel(), AttemptStatus.DELIVERED, Optional.empty(), at).kinds()));
            }
            plan = engine.next(def, step.id(), goes ? AttemptOutcome.DELIVERED : AttemptOutcome.SUPPRESSED,
                    run.retry(), goes ? at : run.dueAt(), clock);
        }
        return entries;
    }
}
