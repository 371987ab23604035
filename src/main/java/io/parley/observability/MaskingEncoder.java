package io.parley.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Lays out each log event as text (the configured pattern layout) or, with format "json", as one JSON object per
 * line; then masks every contact point in the whole line.
 */
public final class MaskingEncoder extends LayoutWrappingEncoder<ILoggingEvent> {
    private final JsonLogLayout json = new JsonLogLayout();
    private boolean asJson;

    /** "text" (the default) or "json". */
    public void setFormat(String format) {
        String value = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        if (!value.isEmpty() && !value.equals("text") && !value.equals("json")) {
            addWarn("PARLEY_LOG_FORMAT must be text or json, was '" + format + "': logging as text");
        }
        asJson = value.equals("json");
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        String line = asJson ? json.doLayout(event) : getLayout().doLayout(event);
        return ContactMasking.mask(line).getBytes(StandardCharsets.UTF_8);
    }
}
