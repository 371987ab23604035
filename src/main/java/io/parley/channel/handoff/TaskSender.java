package io.parley.channel.handoff;

import io.parley.channel.ChannelSender;
import io.parley.channel.Outbound;
import io.parley.channel.SendResult;
import io.parley.domain.Channel;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands a hand-off step's attempt over as a task; never fails (an error is a result). */
final class TaskSender implements ChannelSender {
    private static final Logger LOG = LoggerFactory.getLogger(TaskSender.class);
    private final Channel channel;
    private final TaskDesk desk;

    TaskSender(Channel channel, TaskDesk desk) {
        this.channel = channel;
        this.desk = desk;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public String provider() {
        return HandoffModule.PROVIDER;
    }

    @Override
    public Future<SendResult> send(Outbound outbound) {
        return desk.open(outbound).recover(e -> {
            LOG.error("A {} task could not be opened; the step runs again later", channel.wire(), e);
            return Future.succeededFuture(SendResult.notAttempted("task_store", String.valueOf(e.getMessage())));
        });
    }
}
