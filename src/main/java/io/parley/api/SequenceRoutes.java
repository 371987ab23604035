package io.parley.api;

import io.parley.http.ApiResponse;
import io.parley.http.ApiProblem;
import io.parley.http.FieldError;
import io.parley.dispatch.ContactCalendar;
import io.parley.enrollment.Enroller;
import io.parley.enrollment.EnrollmentRequest;
import io.parley.enrollment.PolicyPacks;
import io.parley.enrollment.Sequences;
import io.parley.policy.ContactHistory;
import io.parley.policy.AddressSuppression;
import io.parley.policy.ContactPreferences;
import io.parley.sequence.Experiment;
import io.parley.sequence.SequenceDefinition;
import io.parley.store.Decisions;
import io.parley.store.Ledger;
import io.parley.store.Suppressions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The sequences this service runs, and their preview: the contact calendar a sequence would produce for a debtor
 * from a start time, each planned attempt with the policy's decision, nothing sent. The debtor's stored contact
 * history counts, as it would for a real enrollment.
 */
public final class SequenceRoutes {
    /** The case id of a preview request that names none. */
    private static final String PREVIEW_CASE = "preview";

    private final Pool pool;
    private final Sequences sequences;
    private final ContactCalendar calendar;
    private final java.util.Set<String> packIds;
    private final ZoneId defaultZone;
    private final Clock clock;

    public SequenceRoutes(Pool pool, Sequences sequences, ContactCalendar calendar, java.util.Set<String> packIds,
                          ZoneId defaultZone, Clock clock) {
        this.pool = pool;
        this.sequences = sequences;
        this.calendar = calendar;
        this.packIds = java.util.Set.copyOf(packIds);
        this.defaultZone = defaultZone;
        this.clock = clock;
    }

    public void mount(ApiRouter api) {
        api.operation("listSequences", ctx -> ctx, (ctx, same) -> {
            JsonArray out = new JsonArray();
            for (SequenceDefinition def : sequences.catalog().all()) {
                out.add(new JsonObject().put("name", def.name()).put("version", def.version())
                        .put("description", def.description()).put("steps", def.steps().size())
                        .put("current", sequences.forNewEnrollment(def.name(), null)
                                .map(d -> d.version() == def.version()).orElse(false)));
            }
            new ApiResponse(200, new JsonObject().put("sequences", out)).send(ctx);
        });
        api.operation("getSequence", ctx -> ctx.pathParam("name"), this::versions);
        api.operation("previewSequence", ctx -> previewRequest(ctx.pathParam("name"), JsonBody.of(ctx)),
                this::preview);
    }

    /** Every version of one sequence, newest first, each as its file reads. */
    private void versions(RoutingContext ctx, String name) {
        JsonArray versions = new JsonArray();
        sequences.catalog().all().stream().filter(def -> def.name().equals(name))
                .sorted(java.util.Comparator.comparingInt(SequenceDefinition::version).reversed())
                .forEach(def -> versions.add(new JsonObject().put("version", def.version())
                        .put("current", sequences.forNewEnrollment(name, null)
                                .map(d -> d.version() == def.version()).orElse(false))
                        .put("definition", new JsonObject(sequences.tree(def)))));
        if (versions.isEmpty()) {
            throw ApiProblem.notFound("sequence " + name);
        }
        new ApiResponse(200, new JsonObject().put("name", name).put("versions", versions)).send(ctx);
    }

    private void preview(RoutingContext ctx, EnrollmentRequest request) {
        PolicyPacks.check(request.policyPacks(), packIds);
        SequenceDefinition def = sequences.forNewEnrollment(request.sequence(), request.sequenceVersion())
                .orElseThrow(() -> ApiProblem.notFound("sequence " + request.sequence()
                        + (request.sequenceVersion() == null ? "" : " version " + request.sequenceVersion())));
        String variant = variant(def, request, ctx.queryParams().get("variant"));
        Instant startAt = request.startAt() == null ? clock.instant() : request.startAt();
        Ledger.read(pool, List.of(request.debtor().id()), startAt, calendar.counting())
                .compose(records -> Suppressions.standing(pool, request.debtor().contactPoints())
                        .map(suppressed -> preview(calendar, def, variant, request, startAt, defaultZone,
                                records.get(request.debtor().id()).history(), suppressed)))
                .onSuccess(result -> new ApiResponse(200, result).send(ctx)).onFailure(ctx::fail);
    }

    /** A preview request is an enrollment request whose case id may be left out. */
    public static EnrollmentRequest previewRequest(String sequence, JsonObject body) {
        JsonObject copy = body.copy().put("sequence", sequence);
        if (!copy.containsKey("caseId")) {
            copy.put("caseId", PREVIEW_CASE);
        }
        return EnrollmentReader.parse(copy);
    }

    /**
     * The experiment arm a preview shows (null when the sequence runs no experiment): the variant named; without a
     * name, the arm the case would be assigned on enrolment (the same hash of experiment and case id), or the first
     * variant listed when no case id was given.
     *
     * @throws ApiProblem 422 naming {@code variant} when the sequence runs no experiment or has no such variant
     */
    public static String variant(SequenceDefinition def, EnrollmentRequest request, String variant) {
        Experiment experiment = def.experiment();
        if (variant != null && !variant.isEmpty()) {
            if (experiment == null || experiment.variant(variant).isEmpty()) {
                throw ApiProblem.validation(List.of(new FieldError("variant", experiment == null
                        ? "sequence " + def.name() + " version " + def.version() + " runs no experiment"
                        : "'" + variant + "' is not one of the variants of experiment " + experiment.name() + " ("
                        + String.join(", ", experiment.variants().stream().map(Experiment.Variant::name).toList())
                        + ")")));
            }
            return variant;
        }
        if (experiment == null) {
            return null;
        }
        return request.caseId().equals(PREVIEW_CASE) ? experiment.variants().get(0).name()
                : Enroller.variant(def, request.caseId());
    }

    /** The calendar as the API and the command line show it. */
    public static JsonObject preview(ContactCalendar calendar, SequenceDefinition def, String variant,
                                     EnrollmentRequest request,
                                     Instant startAt, ZoneId defaultZone, ContactHistory history,
                                     List<AddressSuppression> suppressed) {
        ZoneId zone = request.debtor().explicitZone().orElse(defaultZone);
        ContactPreferences preferences = (request.preferences() == null ? ContactPreferences.none()
                : request.preferences()).withSuppressedAddresses(suppressed);
        List<ContactCalendar.Entry> entries = calendar.project(def.arm(variant), request.debtor(), request.account(),
                startAt, zone, request.policyPacks(), preferences, history);
        JsonArray out = new JsonArray();
        for (ContactCalendar.Entry e : entries) {
            JsonArray decisions = new JsonArray();
            e.decisions().forEach(d -> decisions.add(Decisions.json(d)));
            out.add(new JsonObject().put("stepId", e.stepId())
                    .put("channel", e.channel() == null ? null : e.channel().wire()).put("template", e.template())
                    .put("dueAt", e.dueAt().toString()).put("sendAt", e.sendAt() == null ? null : e.sendAt().toString())
                    .put("decisions", decisions));
            // a field visit: the lawful window the task would carry
            e.decisions().stream().reduce((a, b) -> b).map(d -> d.facts().get("window")).ifPresent(w ->
                    out.getJsonObject(out.size() - 1).put("window", JsonObject.mapFrom(w)));
        }
        return new JsonObject().put("sequence", def.name()).put("version", def.version())
                .put("variant", variant)
                .put("startAt", startAt.toString()).put("timeZone", zone.getId()).put("calendar", out);
    }
}
