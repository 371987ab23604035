package io.parley.simulator.wechat;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The flat {@code <xml>} the platform pushes and reads back, written and read field by field. */
final class XmlFields {

    private XmlFields() {
    }

    static String write(Map<String, ?> fields) {
        StringBuilder xml = new StringBuilder("<xml>");
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            Object value = field.getValue();
            String text = value instanceof Number ? value.toString()
                    : "<![CDATA[" + String.valueOf(value).replace("]]>", "]]]]><![CDATA[>") + "]]>";
            xml.append('<').append(field.getKey()).append('>').append(text)
                    .append("</").append(field.getKey()).append('>');
        }
        return xml.append("</xml>").toString();
    }

    /** A field's text, CDATA sections joined; empty when the field is not there. */
    static Optional<String> read(String xml, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">(.*?)</" + Pattern.quote(name) + ">",
                Pattern.DOTALL).matcher(xml);
        if (!m.find()) {
            return Optional.empty();
        }
        String inner = m.group(1).trim();
        StringBuilder text = new StringBuilder();
        Matcher cdata = Pattern.compile("<!\\[CDATA\\[(.*?)]]>", Pattern.DOTALL).matcher(inner);
        boolean any = false;
        while (cdata.find()) {
            text.append(cdata.group(1));
            any = true;
        }
        return Optional.of(any ? text.toString() : inner);
    }
}
