package io.parley.dispatch;

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
import java.util.EnumMap;
import java.util.Map;

/** Puts a dispatcher together from the service's parts. */
public final class DispatcherFactory {
    private DispatcherFactory() {
    }

    public static Dispatcher create(Pool pool, Sequences sequences, SequenceEngine engine,
                                    TemplateCatalog templates, CompliancePolicy policy,
                                    RunningChannels channels, OptOutLinks links, Company company,
                                    String payUrl, Outcomes outcomes, Metrics metrics, Clock clock,
                                    DispatchSettings settings, Duration outcomeTimeout, Duration releaseSpread,
                                    String owner) {
        StepRunner runner = new StepRunner(sequences, engine, templates, policy, channels, links, company, payUrl,
                outcomeTimeout, releaseSpread);
        BatchWriter writer = new BatchWriter(pool, sequences, engine, runner, outcomes, clock, channels.pacing());
        return new Dispatcher(pool, sequences, runner, writer, outcomes, channels, metrics, clock, settings,
                owner);
    }
}
