package io.parley.channel.wechat.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Which attempt each accepted template message carried, found again by the msgid its delivery report names. */
public final class TemplateSends {
    private static final String REMEMBER = """
            INSERT INTO wechat_template_send (msg_id, attempt_id, open_id, sent_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (msg_id) DO NOTHING""";
    private static final String ATTEMPT = "SELECT attempt_id FROM wechat_template_send WHERE msg_id = $1";

    private final Pool pool;

    public TemplateSends(Pool pool) {
        this.pool = pool;
    }

    public Future<Void> remember(String msgId, UUID attemptId, String openId, Instant sentAt) {
        return pool.preparedQuery(REMEMBER).execute(Tuple.of(msgId, attemptId, openId, WechatInbox.ts(sentAt)))
                .mapEmpty();
    }

    public Future<Optional<UUID>> attempt(String msgId) {
        return pool.preparedQuery(ATTEMPT).execute(Tuple.of(msgId)).map(rows -> rows.size() == 0
                ? Optional.<UUID>empty() : Optional.of(rows.iterator().next().getUUID("attempt_id")));
    }
}
