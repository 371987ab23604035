package io.parley.template;

import java.util.List;

/**
 * What a template holds per locale for a message shape. Text (SMS) holds the text itself; a voice script holds the
 * text read out (a voicemail) or a call's prompts ({@link CallScript}); email holds subject, text and html; a card
 * (WeChat-style) holds title and body, and may name the platform template it is sent as (templateId), the link it
 * opens (url) and the template's data fields; a letter holds title, paragraphs and consequences (what happens if
 * the debtor does not pay).
 */
record ChannelShape(boolean scalar, List<Field> fields) {

    static final String TEXT = "text";
    static final String SUBJECT = "subject";
    static final String HTML = "html";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String PARAGRAPHS = "paragraphs";
    static final String TEMPLATE_ID = "templateId";
    static final String URL = "url";
    static final String DATA = "data";
    static final String CONSEQUENCES = "consequences";

    /**
     * How a field's text is rendered: LINE collapses to one line, HTML escapes values, LIST holds paragraphs, MAP
     * holds named texts (kept as parts "key.name").
     */
    enum Kind { TEXT, LINE, HTML, LIST, MAP }

    record Field(String key, Kind kind, boolean optional) {
        Field(String key, Kind kind) {
            this(key, kind, false);
        }
    }

    ChannelShape {
        fields = List.copyOf(fields);
    }

    static ChannelShape of(MessageShape shape) {
        return switch (shape) {
            case TEXT -> new ChannelShape(true, List.of(new Field(TEXT, Kind.TEXT)));
            case SCRIPT -> new ChannelShape(false, CallScript.FIELDS.stream()
                    .map(key -> new Field(key, CallScript.SPOKEN.contains(key) ? Kind.TEXT : Kind.LINE,
                            !CallScript.REQUIRED.contains(key))).toList());
            case EMAIL -> new ChannelShape(false, List.of(
                    new Field(SUBJECT, Kind.LINE), new Field(TEXT, Kind.TEXT), new Field(HTML, Kind.HTML)));
            case CARD -> new ChannelShape(false, List.of(new Field(TITLE, Kind.LINE), new Field(BODY, Kind.TEXT),
                    new Field(TEMPLATE_ID, Kind.LINE, true), new Field(URL, Kind.LINE, true),
                    new Field(DATA, Kind.MAP, true)));
            case LETTER -> new ChannelShape(false, List.of(
                    new Field(TITLE, Kind.LINE), new Field(PARAGRAPHS, Kind.LIST),
                    new Field(CONSEQUENCES, Kind.TEXT)));
        };
    }

    /** The keys of the fields that are spoken text (a call script's prompts). */
    java.util.Set<String> spoken() {
        return fields.stream().filter(f -> f.kind() == Kind.TEXT).map(Field::key)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    List<String> keys() {
        return fields.stream().map(Field::key).toList();
    }
}
