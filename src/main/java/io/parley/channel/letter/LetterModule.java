package io.parley.channel.letter;

import io.parley.channel.ChannelContext;
import io.parley.channel.ChannelModule;
import io.parley.channel.RunningChannel;
import io.parley.config.ConfigSection;
import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.policy.ContactKind;
import io.parley.simulator.printhouse.PrintHouseSimulator;
import io.parley.store.LedgerCounting.Counted;
import io.parley.template.MessageShape;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.client.WebClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Formal letters: rendered to PDF, collected into a daily print batch, handed to a print house (a drop directory,
 * an HTTP print house, or the local simulator when neither is configured) and followed through its signed callbacks.
 * A letter goes to the debtor's postal address, counts against caps when it is expected delivered, and ends
 * {@code delivered}, or {@code not_reached} when the post returns it.
 */
public final class LetterModule implements ChannelModule<LetterConfig> {
    private static final Logger LOG = LoggerFactory.getLogger(LetterModule.class);
    static final String PROVIDER = "printhouse";
    /** A letter the post returned to the sender. */
    public static final AttemptOutcome NOT_REACHED = AttemptOutcome.of("not_reached");

    private volatile PrintSchedule schedule;
    private volatile Duration outcomeWait;

    @Override
    public Channel channel() {
        return Channel.LETTER;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public MessageShape shape() {
        return MessageShape.LETTER;
    }

    @Override
    public Addressing addressing() {
        return Addressing.POSTAL_ADDRESS;
    }

    @Override
    public ConfigSection<LetterConfig> config() {
        return new LetterConfig.Section();
    }

    @Override
    public List<AttemptOutcome> outcomes() {
        return List.of(NOT_REACHED);
    }

    @Override
    public Optional<AttemptOutcome> settledOutcome(AttemptStatus status) {
        return switch (status) {
            case DELIVERED -> Optional.of(AttemptOutcome.DELIVERED);
            case UNDELIVERED -> Optional.of(NOT_REACHED);
            case FAILED -> Optional.of(AttemptOutcome.FAILED);
            default -> Optional.empty();
        };
    }

    /** A letter pulled or refused reached no one; any other counts when it is expected at the debtor's. */
    @Override
    public Counted counts(AttemptStatus status, Optional<AttemptOutcome> outcome, Instant madeAt) {
        if (status == AttemptStatus.FAILED) {
            return Counted.nothing(madeAt);
        }
        PrintSchedule s = schedule;
        return new Counted(Set.of(ContactKind.LETTER), s == null ? madeAt : s.expectedDelivery(madeAt));
    }

    @Override
    public Duration outcomeTimeout(Duration configured) {
        Duration wait = outcomeWait;
        return wait == null || wait.compareTo(configured) < 0 ? configured : wait;
    }

    @Override
    public Future<RunningChannel> start(ChannelContext context, LetterConfig config) {
        schedule = new PrintSchedule(config.zone(), config.cutoff(), config.transit());
        outcomeWait = config.outcomeWait();
        String secret = config.simulated() ? randomSecret() : config.printHouseSecret().reveal();
        String callbackUrl = context.publicBaseUrl() + PrintHouseCallbacks.PATH;
        Future<PrintHouseSimulator> simulator = Future.succeededFuture();
        if (config.simulated()) {
            LOG.warn("No print house configured (letter.printHouse.url, letter.dropDirectory): letters go to the "
                    + "local print-house simulator and are never printed");
            var sims = context.simulators();
            simulator = PrintHouseSimulator.start(context.vertx(), new PrintHouseSimulator.Settings(sims.host(), 0,
                    secret, callbackUrl, sims.deliveryDelay(), context.clock()));
        }
        return simulator.map(sim -> running(context, config, secret, sim));
    }

    private RunningChannel running(ChannelContext context, LetterConfig config, String secret,
                                   PrintHouseSimulator simulator) {
        WorkerExecutor renderers = context.vertx().createSharedWorkerExecutor("letter-renderer", config.workers());
        PrintHouseSignature signature = new PrintHouseSignature(secret);
        PrintDestination destination = config.dropDirectory() != null
                ? new DropDirectory(config.dropDirectory(), renderers)
                : new PrintHouseClient(WebClient.create(context.vertx()),
                        simulator != null ? simulator.baseUrl() : config.printHouseUrl(), signature, context.clock());
        LetterPost post = new LetterPost(context.pool(), renderers,
                new LetterComposer(config.creditor(), config.payWithin()), LetterNotices.load(config.notices()),
                schedule, context.services(), context.clock());
        PrintBatches batches = new PrintBatches(context.pool(), destination, context.services(), context.clock(),
                owner(), Duration.ofMinutes(5));
        return new RunningLetters(post, context, signature, batches, config.pollInterval(), simulator, renderers);
    }

    private static String randomSecret() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String owner() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getName() + "/letters/"
                + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    }
}
