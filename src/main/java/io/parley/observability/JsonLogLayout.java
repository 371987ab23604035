package io.parley.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** One JSON object per line (PARLEY_LOG_FORMAT=json): time, level, thread, logger, message and any stack trace. */
public final class JsonLogLayout extends LayoutBase<ILoggingEvent> {
    @Override
    public String doLayout(ILoggingEvent event) {
        JsonObject line = new JsonObject()
                .put("time", Instant.ofEpochMilli(event.getTimeStamp()).toString())
                .put("level", event.getLevel().toString())
                .put("thread", event.getThreadName())
                .put("logger", event.getLoggerName())
                .put("message", event.getFormattedMessage());
        if (event.getThrowableProxy() != null) {
            line.put("stack", ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return line.encode() + CoreConstants.LINE_SEPARATOR;
    }
}
