package io.parley.dispatch;

import io.parley.channel.ProviderPools;
import io.parley.channel.RunningChannels;
import io.parley.enrollment.Sequences;
import io.parley.channel.ChannelSender;
import io.parley.channel.OptOutLinks;
import io.parley.domain.Channel;
import io.parley.observability.Metrics;
import io.parley.policy.CompliancePolicy;
import io.parley.sequence.SequenceEngine;
import io.parley.template.Company;
import io.parley.template.TemplateCatalog;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;

/** Puts a dispatcher together from the service's parts. */
public final class DispatcherFactory {
    private DispatcherFactory() {
    }

    /**
     * {@code instances} dispatchers sharing the work (each deployed on an event loop of its own), leasing under
     * owner names of their own; the first also reconciles attempts left without an answer. The alarm wakes them in
     * turn when a step falls due.
     */
    public static List<Dispatcher> create(Pool pool, Sequences sequences, SequenceEngine engine,
                                          TemplateCatalog templates, CompliancePolicy policy,
                                          RunningChannels channels, OptOutLinks links, Company company,
                                          String payUrl, Outcomes outcomes, GroupedChanges answers, Metrics metrics,
                                          Clock clock, DispatchSettings settings, Duration outcomeTimeout,
                                          Duration releaseSpread, String owner, int instances,
                                          ProviderPools guards, DueAlarm alarm) {
        StepRunner runner = new StepRunner(sequences, engine, templates, policy, channels, links, company, payUrl,
                outcomeTimeout, releaseSpread, guards);
        BatchWriter writer = new BatchWriter(pool, sequences, engine, runner, outcomes, clock, channels.pacing());
        List<Dispatcher> out = new ArrayList<>(instances);
        for (int i = 0; i < instances; i++) {
            out.add(new Dispatcher(pool, runner, writer, outcomes, answers, channels, metrics, clock,
                    settings, instances == 1 ? owner : owner + "#" + i, i == 0, alarm));
        }
        return out;
    }
}
