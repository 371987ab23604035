package io.parley;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parley.api.ApiContract;
import io.parley.api.ApiKeys;
import io.parley.api.ApiRouter;
import io.parley.api.DebtorRoutes;
import io.parley.api.EnrollmentBatchRoutes;
import io.parley.api.EnrollmentRoutes;
import io.parley.api.IdempotencyExpiry;
import io.parley.api.Principal;
import io.parley.api.ConsoleReads;
import io.parley.console.ConsoleRoutes;
import io.parley.api.InputScreen;
import io.parley.api.Problems;
import io.parley.api.RequestGuards;
import io.parley.api.RequestIds;
import io.parley.channel.ChannelContext;
import io.parley.channel.ChannelModules;
import io.parley.channel.OptOutLinks;
import io.parley.channel.ProviderForm;
import io.parley.channel.ProviderPools;
import io.parley.channel.ProviderResilience;
import io.parley.channel.RunningChannels;
import io.parley.dispatch.ChannelEvents;
import io.parley.sequence.SequenceParser;
import io.parley.channel.OptOutRoutes;
import io.parley.config.ApiKey;
import io.parley.config.ParleyConfig;
import io.parley.dispatch.DispatchSettings;
import io.parley.dispatch.Dispatcher;
import io.parley.dispatch.DueAlarm;
import io.parley.dispatch.DispatcherFactory;
import io.parley.dispatch.GroupedChanges;
import io.parley.dispatch.Outcomes;
import io.parley.enrollment.SequenceSync;
import io.parley.enrollment.Sequences;
import io.parley.enrollment.CaseEvents;
import io.parley.enrollment.EnrollmentControl;
import io.parley.enrollment.BulkEnroller;
import io.parley.enrollment.Enroller;
import io.parley.observability.HealthRoutes;
import io.parley.observability.WebhookRequests;
import io.parley.observability.Metrics;
import io.parley.api.QuarantineRoutes;
import io.parley.api.ReplyRoutes;
import io.parley.api.SequenceRoutes;
import io.parley.api.StandingRoutes;
import io.parley.dispatch.PromiseWatcher;
import io.parley.inbound.ReplyRouter;
import io.parley.lifecycle.Draining;
import io.parley.lifecycle.ShutdownSettings;
import io.parley.outbox.EngineEvents;
import io.parley.dispatch.ContactCalendar;
import io.parley.policy.CompliancePolicy;
import io.parley.policy.ContactPolicy;
import io.parley.policy.DebtorZones;
import io.parley.policy.RulePack;
import io.parley.sequence.SequenceCatalog;
import io.parley.sequence.SequenceEngine;
import io.parley.template.Company;
import io.parley.template.OptOutNotices;
import io.parley.template.TemplateCatalog;
import io.parley.store.ServiceSecrets;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Wires the service by hand: catalogs, sequence versions, the registered channel modules (started with the services
 * they report to), the HTTP routes, and the long-running loops (verticles, in the order they are deployed after the
 * HTTP server).
 */
record Services(Router router, List<VerticleBase> loops, RunningChannels channels, Draining draining) {
    /** How far ahead the policy looks for an allowed time before it gives up on an attempt. */
    static final java.time.Duration POLICY_HORIZON = java.time.Duration.ofDays(60);
    /** Provider answers and status callbacks are written in groups of up to this many, at most this long after the first. */
    private static final int GROUP_ROWS = 500;
    private static final java.time.Duration GROUP_WINDOW = java.time.Duration.ofMillis(5);

    static Future<Services> wire(Vertx vertx, ParleyConfig config, Pool pool, ChannelModules modules, Metrics metrics,
                                 PrometheusMeterRegistry registry, String publicBaseUrl, Clock clock) {
        Future<Catalogs> catalogs = vertx.executeBlocking(() -> {
            Catalogs loaded = Catalogs.load(config, modules);
            loaded.checkTemplates();
            return loaded;
        }, false);
        Future<byte[]> optOutKey = ServiceSecrets.key(pool, "optout-link-key", clock.instant());
        Future<ApiContract> contract = ApiContract.load(vertx);
        return Future.all(catalogs, optOutKey, contract)
                .compose(ready -> SequenceSync.sync(pool, new SequenceParser(modules.outcomes()),
                        catalogs.result().sequences(), clock.instant()))
                .compose(sequences -> {
                    OptOutLinks links = new OptOutLinks(publicBaseUrl, optOutKey.result());
                    SequenceEngine engine = new SequenceEngine();
                    Outcomes outcomes = new Outcomes(pool, sequences, engine, modules, metrics, clock);
                    CaseEvents caseEvents = new CaseEvents(pool, sequences, config.policy().promiseGrace(),
                            config.policy().defaultZone(), clock);
                    ReplyRouter replies = new ReplyRouter(pool, catalogs.result().replies(), caseEvents,
                            config.company().name(), config.company().phone(), config.policy().defaultZone(), metrics,
                            clock);
                    GroupedChanges grouped = new GroupedChanges(vertx, outcomes, GROUP_ROWS, GROUP_WINDOW);
                    ProviderPools guards = new ProviderPools(vertx, metrics,
                            config.section(new ProviderResilience()));
                    ChannelContext context = new ChannelContext(vertx, pool, publicBaseUrl, config.simulators(),
                            metrics, guards,
                            new ChannelEvents(pool, grouped, replies, clock), clock,
                            formLimits(config));
                    Core core = new Core(engine, outcomes, grouped, caseEvents, replies, guards);
                    return modules.start(context, config).compose(running -> {
                        try {
                            return Future.succeededFuture(build(vertx, config, pool, running, metrics, registry, clock,
                                    sequences, catalogs.result(), links, core, contract.result()));
                        } catch (RuntimeException e) {
                            // the channels started (simulators listen, pools run): close them before failing
                            return running.close().transform(v -> Future.<Services>failedFuture(e));
                        }
                    });
                });
    }

    /** The parts the channels report to, made before the channels start. */
    private record Core(SequenceEngine engine, Outcomes outcomes, GroupedChanges grouped, CaseEvents caseEvents,
                        ReplyRouter replies, ProviderPools guards) {
    }

    private static Services build(Vertx vertx, ParleyConfig config, Pool pool, RunningChannels channels,
                                  Metrics metrics, PrometheusMeterRegistry registry, Clock clock,
                                  Sequences sequences, Catalogs catalogs, OptOutLinks links, Core core,
                                  ApiContract contract) {
        TemplateCatalog templates = catalogs.templates();
        CompliancePolicy policy = new ContactPolicy(catalogs.packs(),
                new DebtorZones(config.policy().defaultZone()), POLICY_HORIZON);
        SequenceEngine engine = core.engine();
        Outcomes outcomes = core.outcomes();
        var dispatch = config.dispatch();
        DueAlarm alarm = new DueAlarm(clock);
        List<Dispatcher> dispatchers = DispatcherFactory.create(pool, sequences, engine, templates,
                policy, channels, links,
                new Company(config.company().name(), config.company().phone()), config.company().payUrl(), outcomes,
                core.grouped(), metrics, clock, new DispatchSettings(dispatch.batchSize(), dispatch.pollInterval(),
                        dispatch.lease(), dispatch.sendingTimeout(), dispatch.maxInFlight(),
                        config.section(new ShutdownSettings())),
                dispatch.outcomeTimeout(), dispatch.releaseSpread(), owner(), dispatch.verticles(), core.guards(),
                alarm);

        Draining draining = new Draining();
        draining.onBegin(() -> dispatchers.forEach(Dispatcher::stopClaiming));
        Router router = Router.router(vertx);
        var limits = config.http().limits();
        router.route().handler(RequestIds.handler(limits.answerTimeout()))
                .handler(RequestGuards.handler(limits.readTimeout()));
        WebhookRequests.mount(router, metrics); // before the screens, so that their refusals are counted too
        router.route().handler(InputScreen.paths());
        HealthRoutes.mount(router, pool, registry, draining);
        ConsoleRoutes.mount(router);
        Buffer openapi = openapi();
        router.get("/openapi.yaml").handler(ctx -> ctx.response().putHeader("Content-Type", "application/yaml")
                .end(openapi));
        BodyHandler body = BodyHandler.create(false).setBodyLimit(config.http().maxBodyBytes());
        router.route("/v1/*").handler(InputScreen.noForms(io.parley.channel.email.InboundEmailRoute.PATH));
        // a batch of enrolments may be larger than any single request; its own limit applies to it alone
        router.post(EnrollmentBatchRoutes.PATH).handler(BodyHandler.create(false)
                .setBodyLimit(EnrollmentBatchRoutes.MAX_BODY_BYTES));
        router.route("/v1/*").handler(body).handler(new ApiKeys(keys(config), ApiContract.readingWrites()))
                .handler(InputScreen.jsonBodies());
        Set<String> packIds = catalogs.packs().all().stream().map(RulePack::id).collect(Collectors.toSet());
        CaseEvents caseEvents = core.caseEvents();
        ApiRouter api = new ApiRouter(vertx, contract);
        new ReplyRoutes(catalogs.replies(), config.policy().defaultZone(), clock).mount(api);
        Enroller enroller = new Enroller(pool, sequences, engine, packIds, config.policy().defaultZone(), clock,
                alarm);
        new EnrollmentBatchRoutes(new BulkEnroller(pool, enroller, clock)).mount(api);
        new EnrollmentRoutes(pool, enroller, new EnrollmentControl(pool, clock), caseEvents, clock).mount(api);
        new DebtorRoutes(pool, clock).mount(api);
        new ConsoleReads(pool, catalogs.packs(), channels.modules(), clock).mount(api);
        new SequenceRoutes(pool, sequences, new ContactCalendar(engine, policy, templates, channels.modules()), packIds,
                config.policy().defaultZone(), clock).mount(api);
        new io.parley.api.AnalyticsRoutes(pool).mount(api);
        router.route("/*").subRouter(api.router());
        new StandingRoutes(pool, clock).mount(router);
        new QuarantineRoutes(pool).mount(router);
        List<VerticleBase> deliverers = EngineEvents.mount(router, pool, config.engine(), metrics, clock, owner());
        channels.routes(router);
        // the one-click unsubscribe form is read within bounds, never by the form decoder
        router.post("/optout/*").handler(ProviderForm.reader(formLimits(config)));
        new OptOutRoutes(pool, links, metrics, clock).mount(router);
        var problems = Problems.handler(config.http().maxBodyBytes());
        router.route().failureHandler(problems);
        router.errorHandler(404, problems).errorHandler(405, problems).errorHandler(500, problems);
        router.route().last().handler(ctx -> ctx.fail(404));
        List<VerticleBase> loops = new ArrayList<>();
        if (config.dispatch().enabled()) {
            loops.addAll(dispatchers);
            loops.add(new PromiseWatcher(pool, sequences, clock));
        }
        loops.addAll(channels.loops());
        loops.add(new IdempotencyExpiry(pool, config.section(new IdempotencyExpiry.Section()), clock));
        loops.add(new io.parley.analytics.AnalyticsRefresher(pool,
                config.section(new io.parley.analytics.AnalyticsRefresher.Section())));
        loops.addAll(deliverers);
        return new Services(router, List.copyOf(loops), channels, draining);
    }

    /** The bounds of a form post (provider webhooks, the one-click unsubscribe): the http section's limits. */
    private static ProviderForm.Limits formLimits(ParleyConfig config) {
        return new ProviderForm.Limits(config.http().maxBodyBytes(), config.http().limits().maxFormFields(),
                config.http().limits().maxFormFieldBytes());
    }

    private static Map<String, Principal> keys(ParleyConfig config) {
        Map<String, Principal> keys = new HashMap<>();
        for (ApiKey key : config.api().all()) {
            keys.put(key.key().reveal(), new Principal(key.name(), key.role().name(), key.role().canWrite(),
                    key.role().seesAddresses()));
        }
        return keys;
    }

    private static Buffer openapi() {
        try (InputStream in = Services.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the classpath");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names this instance as a lease holder: host and process, plus a random part for restarts. */
    private static String owner() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
