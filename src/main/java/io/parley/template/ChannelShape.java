package io.parley.template;

import io.parley.domain.Channel;
import java.util.List;

/**
 * What a template holds per locale for a channel. SMS and voice hold the text itself; email holds subject, text and
 * html; WeChat holds title and body; a letter holds title, paragraphs (a list)
 * and consequences (what happens if the debtor does not pay).
 */
record ChannelShape(boolean scalar, List<Field> fields) {

    static final String TEXT = "text";
    static final String SUBJECT = "subject";
    static final String HTML = "html";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String PARAGRAPHS = "paragraphs";
    static final String CONSEQUENCES = "consequences";

    /** How a field's text is rendered: LINE collapses to one line, HTML escapes values, LIST holds paragraphs. */
    enum Kind { TEXT, LINE, HTML, LIST }

    record Field(String key, Kind kind) {
    }

    ChannelShape {
        fields = List.copyOf(fields);
    }

    static ChannelShape of(Channel channel) {
        return switch (channel) {
            case SMS, VOICE -> new ChannelShape(true, List.of(new Field(TEXT, Kind.TEXT)));
            case EMAIL -> new ChannelShape(false, List.of(
                    new Field(SUBJECT, Kind.LINE), new Field(TEXT, Kind.TEXT), new Field(HTML, Kind.HTML)));
            case WECHAT -> new ChannelShape(false, List.of(new Field(TITLE, Kind.LINE), new Field(BODY, Kind.TEXT)));
            case LETTER -> new ChannelShape(false, List.of(
                    new Field(TITLE, Kind.LINE), new Field(PARAGRAPHS, Kind.LIST),
                    new Field(CONSEQUENCES, Kind.TEXT)));
        };
    }

    List<String> keys() {
        return fields.stream().map(Field::key).toList();
    }
}
