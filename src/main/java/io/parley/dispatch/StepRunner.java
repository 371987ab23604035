package io.parley.dispatch;

import io.parley.channel.ChannelModules;
import io.parley.channel.ProviderPools;
import io.parley.channel.RunningChannels;
import io.parley.domain.AttemptStatus;
import java.util.Optional;
import io.parley.enrollment.Sequences;
import io.parley.channel.OptOutLinks;
import io.parley.channel.Outbound;
import io.parley.domain.Channel;
import io.parley.policy.CompliancePolicy;
import io.parley.policy.ContactHistory;
import io.parley.policy.ContactPreferences;
import io.parley.policy.ContactRequest;
import io.parley.policy.Decision;
import io.parley.policy.PastContact;
import io.parley.policy.TemplateTraits;
import io.parley.sequence.Audience;
import io.parley.sequence.CaseFacts;
import io.parley.sequence.SequenceDefinition;
import io.parley.sequence.SequenceEngine;
import io.parley.sequence.Step;
import io.parley.store.ClaimedStep;
import io.parley.store.Decisions;
import io.parley.store.Ledger;
import io.parley.store.NewAttempt;
import io.parley.store.StoredContactPoint;
import io.parley.store.TimelineEntry;
import io.parley.store.TimelineKinds;
import io.parley.template.Company;
import io.parley.template.MessageContext;
import io.parley.template.RenderedMessage;
import io.parley.template.TemplateCatalog;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Works out what a claimed due step comes to, writing nothing: first (outside any transaction) skip, hold, no
 * contact point, or a chosen contact; then, for a chosen contact and inside the transaction that holds the debtor's
 * lock and their contact history, the policy's decision and the attempt to send.
 */
final class StepRunner {
    static final String NO_CONTACT_RULE = "no-usable-contact";
    /** The rule a step waiting for its channel's provider (its circuit breaker open) is deferred under. */
    static final String CIRCUIT_OPEN_RULE = "provider-unavailable";
    /** The hold an agency placement puts on its case. */
    static final String PLACED = "agency";
    /** How long a placed case's step waits before it is looked at again, should the hold outlast its lifting. */
    static final Duration PLACED_RECHECK = Duration.ofHours(24);

    private final Sequences sequences;
    private final SequenceEngine engine;
    private final TemplateCatalog templates;
    private final CompliancePolicy policy;
    private final Map<Channel, String> providers;
    private final ChannelModules channels;
    private final OptOutLinks optOutLinks;
    private final Company company;
    private final String payUrl;
    private final Duration outcomeTimeout;
    private final Duration releaseSpread;
    private final ProviderPools guards;

    StepRunner(Sequences sequences, SequenceEngine engine, TemplateCatalog templates, CompliancePolicy policy,
               RunningChannels running, OptOutLinks optOutLinks, Company company, String payUrl,
               Duration outcomeTimeout, Duration releaseSpread, ProviderPools guards) {
        this.guards = guards;
        this.sequences = sequences;
        this.engine = engine;
        this.templates = templates;
        this.policy = policy;
        this.providers = Map.copyOf(running.providers());
        this.channels = running.modules();
        this.optOutLinks = optOutLinks;
        this.company = company;
        this.payUrl = payUrl;
        this.outcomeTimeout = outcomeTimeout;
        this.releaseSpread = releaseSpread;
    }

    /** The first look at a claimed step; never throws (a failure becomes {@link StepWork.Failed}). */
    StepWork prepare(ClaimedStep s, Instant now) {
        try {
            return prepareOrThrow(s, now);
        } catch (RuntimeException e) {
            return new StepWork.Failed(s, e);
        }
    }

    private StepWork prepareOrThrow(ClaimedStep s, Instant now) {
        if (s.awaitingOutcome()) {
            return new StepWork.GiveUpWaiting(s);
        }
        SequenceDefinition def = sequences.definition(s.sequenceName(), s.sequenceVersion());
        Step step = def.step(s.stepId()).orElseThrow(() -> new IllegalStateException(
                "step " + s.stepId() + " is not in sequence " + def.label()));
        if (engine.shouldSkip(step, new CaseFacts(s.replied(), s.promised(), s.deliveredOn()))) {
            return new StepWork.Pass(s, null, List.of(new TimelineEntry(s.caseId(), s.enrollmentId(), now,
                    TimelineKinds.STEP_SKIPPED, new JsonObject().put("stepId", step.id()).put("runNo", s.runNo())
                    .put("skipIf", step.skipIf().stream().map(Enum::name).toList()))));
        }
        if (!s.holds().isEmpty()) {
            return s.holds().stream().allMatch(PLACED::equals) ? placed(s, now) : held(s, s.holds(), now);
        }
        ContactChoice choice = ContactChoice.choose(ContactChoice.options(step), step.audience(), s.contacts(),
                providers.keySet());
        if (choice.chosen().isEmpty()) {
            Decision none = new Decision.Suppress(NO_CONTACT_RULE, choice.passedOver(), Map.of());
            return new StepWork.Pass(s, record(s, null, none, null, now), List.of());
        }
        return new StepWork.Contact(s);
    }

    /**
     * The policy's decision on a contact, given the debtor as they are now (history, preferences, contact point
     * statuses and the address suppression list, read under the debtor's lock); the contact is chosen again if a point
     * changed since the claim, and a suppressed address is never chosen: the decision names the suppression.
     */
    StepWork decide(StepWork.Contact c, Ledger.DebtorRecord record, Instant now) {
        ClaimedStep s = c.step();
        List<StoredContactPoint> contacts = s.contacts().stream().map(p -> new StoredContactPoint(p.id(), p.point(),
                record.statuses().getOrDefault(p.id(), p.status()), record.suppressed().get(p.id()))).toList();
        Step step = sequences.definition(s.sequenceName(), s.sequenceVersion()).step(s.stepId()).orElseThrow();
        // a channel whose provider's breaker is open is passed over for the step's fallback; with none usable, the
        // step waits for the breaker
        ContactPreferences preferences = ContactChoice.withSuppressions(record.preferences(), contacts);
        Set<Channel> open = providers.keySet().stream().filter(guards::open)
                .collect(Collectors.toSet());
        ContactChoice choice = ContactChoice.choose(ContactChoice.options(step), step.audience(), contacts,
                providers.keySet(), preferences, open);
        if (choice.chosen().isEmpty() && !open.isEmpty() && ContactChoice.choose(ContactChoice.options(step),
                step.audience(), contacts, providers.keySet(), preferences, Set.of()).chosen().isPresent()) {
            Instant until = now.plus(guards.openFor());
            Decision wait = new Decision.Defer(until, CIRCUIT_OPEN_RULE, choice.passedOver(),
                    Map.of("openFor", guards.openFor().toString()));
            return new StepWork.Wait(s, record(s, step.channel(), wait, null, now), until);
        }
        if (choice.chosen().isEmpty()) {
            Decision none = new Decision.Suppress(NO_CONTACT_RULE, choice.passedOver(), Map.of());
            return new StepWork.Pass(s, record(s, null, none, null, now), List.of());
        }
        ContactChoice.Chosen chosen = choice.chosen().get();
        boolean allInvalid = contacts.stream().filter(p -> !p.point().type().thirdParty()).noneMatch(p -> p.usable());
        ContactRequest request = new ContactRequest(s.caseId(), s.debtor(), chosen.channel(), chosen.point().point(),
                traits(chosen.template()), s.policyPacks(), record.history(), preferences,
                new ContactRequest.BorrowerReach(record.reach().consecutiveFailures(), allInvalid),
                channels.counts(chosen.channel(), AttemptStatus.SENDING, Optional.empty(), now).kinds());
        Decision decision = policy.decide(request, now);
        if (!choice.passedOver().isEmpty()) {
            List<String> reasons = new ArrayList<>(choice.passedOver());
            reasons.addAll(decision.reasons());
            decision = withReasons(decision, reasons);
        }
        if (decision instanceof Decision.Defer d) {
            return new StepWork.Wait(s, record(s, chosen.channel(), d, null, now), spread(d.until(), s.enrollmentId()));
        }
        if (decision instanceof Decision.Suppress d) {
            return new StepWork.Pass(s, record(s, chosen.channel(), d, null, now), List.of());
        }
        return send(s, step, chosen, (Decision.Allow) decision, now);
    }

    /**
     * The case is placed with an agency: Parley's own steps wait, marked as held by the placement, until the case is
     * recalled (lifting the hold brings them forward at once), looked at again every {@link #PLACED_RECHECK} meanwhile.
     */
    static StepWork placed(ClaimedStep s, Instant now) {
        Instant until = now.plus(PLACED_RECHECK);
        Decision wait = new Decision.Defer(until, "hold/" + PLACED, List.of("the case is placed with an agency: "
                + "Parley's own contact about it waits until the case is recalled"), Map.of("holds", List.of(PLACED)));
        return new StepWork.Wait(s, record(s, null, wait, null, now), until, PLACED);
    }

    /** The case is on hold (dispute, cease request, attorney, bankruptcy): the step passes without a contact. */
    static StepWork held(ClaimedStep s, java.util.Collection<String> holds, Instant now) {
        List<String> kinds = holds.stream().sorted().toList();
        Decision held = new Decision.Suppress("hold/" + kinds.get(0), List.of("the case is on hold ("
                + String.join(", ", kinds) + "): no contact about it"), Map.of("holds", kinds));
        return new StepWork.Pass(s, record(s, null, held, null, now), List.of());
    }

    /** What an allowed attempt adds to the debtor's history, so later attempts in the same batch count it. */
    PastContact asPastContact(StepWork.Send send) {
        NewAttempt a = send.attempt();
        var counted = channels.counts(a.channel(), AttemptStatus.SENDING, Optional.empty(), a.at());
        return new PastContact(a.caseId(), a.channel(), a.contactAddress(), a.contactType(), counted.at(),
                counted.kinds());
    }

    /** The channels a claimed step may use: its own, then its fallbacks'. */
    java.util.Set<Channel> channelsOf(ClaimedStep s) {
        Step step = sequences.definition(s.sequenceName(), s.sequenceVersion()).step(s.stepId()).orElseThrow();
        java.util.Set<Channel> channels = new java.util.LinkedHashSet<>();
        ContactChoice.options(step).forEach(option -> channels.add(option.channel()));
        return channels;
    }

    /** What recorded attempts count as in the ledger, by their channel's module. */
    ChannelModules channels() {
        return channels;
    }

    private StepWork send(ClaimedStep s, Step step, ContactChoice.Chosen chosen, Decision.Allow allow, Instant now) {
        UUID attemptId = UUID.randomUUID();
        String optOutUrl = optOutLinks.url(chosen.point().id());
        Map<String, String> links = new HashMap<>();
        links.put(MessageContext.OPT_OUT_LINK, optOutUrl);
        links.put(MessageContext.PAY_LINK, payUrl);
        MessageContext context = new MessageContext(s.debtor(), s.account(), variables(s.variables()), company, links);
        RenderedMessage message = templates.render(chosen.template(), s.debtor().locale(), context);
        // a call's step may name the limited-content message it leaves on an answering machine
        RenderedMessage voicemail = step.voicemail() == null || chosen.channel() != step.channel() ? null
                : templates.render(step.voicemail(), s.debtor().locale(), context);
        var point = chosen.point().point();
        NewAttempt attempt = new NewAttempt(attemptId, s.enrollmentId(), s.runNo(), s.caseId(), s.debtor().id(),
                s.stepId(), chosen.channel(), point.address(), point.type(), chosen.template(), s.debtor().locale(),
                MessageContent.json(message), providers.get(chosen.channel()), now);
        Outbound outbound = new Outbound(attemptId, s.caseId(), chosen.channel(), point.address(),
                s.debtor().locale(), message, optOutUrl, voicemail, allow.facts());
        Duration wait = channels.module(chosen.channel()).map(m -> m.outcomeTimeout(outcomeTimeout))
                .orElse(outcomeTimeout);
        return new StepWork.Send(s, attempt, record(s, chosen.channel(), allow, attemptId, now), outbound,
                now.plus(wait));
    }

    private TemplateTraits traits(String template) {
        return templates.info(template).map(t -> new TemplateTraits(t.thirdPartySafe(), t.limitedContent()))
                .orElse(TemplateTraits.ordinary());
    }

    /** Deferred steps released at one instant leave spread over a window, never before the allowed time. */
    private Instant spread(Instant until, UUID enrollmentId) {
        long window = releaseSpread.toMillis();
        return window <= 0 ? until : until.plusMillis(Math.floorMod(enrollmentId.getLeastSignificantBits(), window));
    }

    static Decisions.Recorded record(ClaimedStep s, Channel channel, Decision d, UUID attemptId, Instant now) {
        return new Decisions.Recorded(s.enrollmentId(), s.caseId(), s.runNo(), s.stepId(),
                channel == null ? null : channel.wire(), d, attemptId, now);
    }

    static Decision withReasons(Decision d, List<String> reasons) {
        if (d instanceof Decision.Defer a) {
            return new Decision.Defer(a.until(), a.rule(), reasons, a.facts());
        }
        if (d instanceof Decision.Suppress a) {
            return new Decision.Suppress(a.rule(), reasons, a.facts());
        }
        return new Decision.Allow(d.rule(), reasons, d.facts());
    }

    private static Map<String, String> variables(JsonObject json) {
        Map<String, String> out = new HashMap<>();
        json.forEach(e -> out.put(e.getKey(), String.valueOf(e.getValue())));
        return out;
    }
}
