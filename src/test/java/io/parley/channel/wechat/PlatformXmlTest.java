package io.parley.channel.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformXmlTest {

    @Test
    void readsTheRootsFieldsCdataOrNot() {
        Map<String, String> fields = PlatformXml.read(bytes("<xml><ToUserName><![CDATA[gh_1]]></ToUserName>"
                + "<CreateTime>1409735668</CreateTime><Content><![CDATA[下周五还500 <b>&]]></Content>"
                + "<Video><MediaId>m</MediaId></Video></xml>"));
        assertEquals("gh_1", fields.get("ToUserName"));
        assertEquals("1409735668", fields.get("CreateTime"));
        assertEquals("下周五还500 <b>&", fields.get("Content"));
        assertEquals("m", fields.get("Video"));
    }

    @Test
    void externalEntitiesAreRefusedAndNothingIsRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<xml><Content>&x;</Content></xml>";
        WechatProtocolException e = assertThrows(WechatProtocolException.class, () -> PlatformXml.read(bytes(xxe)));
        assertFalse(e.getMessage().contains("TOP-SECRET"));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void billionLaughsIsRefusedAtOnce() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE xml [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = dtd.append("]><xml><Content>&lol9;</Content></xml>").toString();
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(WechatProtocolException.class, () -> PlatformXml.read(bytes(bomb))));
    }

    @Test
    void externalDtdsAndParameterEntitiesAreRefused() {
        assertThrows(WechatProtocolException.class, () -> PlatformXml.read(bytes(
                "<!DOCTYPE xml SYSTEM \"http://127.0.0.1:9/evil.dtd\"><xml/>")));
        assertThrows(WechatProtocolException.class, () -> PlatformXml.read(bytes(
                "<!DOCTYPE xml [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><xml/>")));
    }

    @Test
    void otherRootsAndBrokenXmlAreRefused() {
        assertThrows(WechatProtocolException.class, () -> PlatformXml.read(bytes("<msg><a>1</a></msg>")));
        assertThrows(WechatProtocolException.class, () -> PlatformXml.read(bytes("<xml><a>1</xml>")));
        assertThrows(WechatProtocolException.class, () -> PlatformXml.read(bytes("")));
    }

    @Test
    void writesCdataThatSurvivesItsOwnTerminator() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ToUserName", "o1");
        fields.put("CreateTime", 1409735668L);
        fields.put("Content", "a]]>b<&");
        String xml = PlatformXml.write(fields);
        assertTrue(xml.contains("<CreateTime>1409735668</CreateTime>"), xml);
        Map<String, String> back = PlatformXml.read(bytes(xml));
        assertEquals("a]]>b<&", back.get("Content"));
        assertEquals("o1", back.get("ToUserName"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
