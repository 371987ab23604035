package io.parley.channel.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signatures and safe-mode encryption checked against Tencent's own sample code for "message encryption and
 * decryption" (消息加解密说明, developers.weixin.qq.com/doc/offiaccount/Message_Management/
 * Message_encryption_and_decryption_instructions.html, sample download WXBizMsgCrypt):
 * <ul>
 * <li>the Python sample's decryption case (Sample.py: token "spamtest", AppID "wx2c2769f8efd9abc2", timestamp
 * "1409735669", nonce "1320562132", msg_signature "5d197aaf...");</li>
 * <li>the Java sample's encryption case (WXBizMsgCryptTest: token "pamtest", AppID "wxb11529c136998cb6", random
 * prefix "aaaabbbbccccdddd"), also published as WxCryptUtilTest in github.com/Wechat-Group/WxJava
 * (weixin-java-common/src/test/java/me/chanjar/weixin/common/util/crypto/WxCryptUtilTest.java).</li>
 * </ul>
 * Both samples use the EncodingAESKey "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG".
 */
class PublishedSampleTest {
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    // Python sample: a text message from the platform, in safe mode
    static final String PY_TOKEN = "spamtest";
    static final String PY_APP_ID = "wx2c2769f8efd9abc2";
    static final String PY_TIMESTAMP = "1409735669";
    static final String PY_NONCE = "1320562132";
    static final String PY_MSG_SIGNATURE = "5d197aaffba7e9b25a30732f161a50dee96bd5fa";
    static final String PY_ENCRYPT = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6"
            + "F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVtic"
            + "bSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5"
            + "RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669"
            + "WuMyVWQLCzpu9GhglF2PE=";
    static final String PY_BODY = "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA["
            + PY_ENCRYPT + "]]></Encrypt></xml>";

    // Java sample: encrypting a reply with a fixed random prefix
    static final String JAVA_APP_ID = "wxb11529c136998cb6";
    static final byte[] JAVA_RANDOM = "aaaabbbbccccdddd".getBytes(StandardCharsets.US_ASCII);
    static final String JAVA_REPLY = "我是中文abcd123";
    static final String JAVA_ENCRYPTED = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";
    static final String JAVA_REPLY_2 = "<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName>"
            + "<FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType>"
            + "<![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ul"
            + "AOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBack"
            + "ReplyVideo]]></Description></Video></xml>";
    static final String JAVA_ENCRYPTED_2 = "jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQR"
            + "G9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb"
            + "3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto"
            + "2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP"
            + "+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs"
            + "+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+"
            + "9DMlaFExWUZQDajPkdPrEeOwofJb";

    @Test
    void msgSignatureOfThePythonSampleVerifies() {
        assertEquals(PY_MSG_SIGNATURE, Signatures.sign(PY_TOKEN, PY_TIMESTAMP, PY_NONCE, PY_ENCRYPT));
        assertTrue(Signatures.verify(PY_MSG_SIGNATURE, PY_TOKEN, PY_TIMESTAMP, PY_NONCE, PY_ENCRYPT));
        assertFalse(Signatures.verify(PY_MSG_SIGNATURE, PY_TOKEN, PY_TIMESTAMP, "1320562133", PY_ENCRYPT));
        assertFalse(Signatures.verify(null, PY_TOKEN, PY_TIMESTAMP, PY_NONCE, PY_ENCRYPT));
    }

    @Test
    void urlSignatureSignsTokenTimestampAndNonceSorted() {
        assertEquals("16120ec1b8dbb870f510d87ce6bc2463eae6ca1a", Signatures.sign(PY_TOKEN, PY_TIMESTAMP, PY_NONCE));
        assertEquals(Signatures.sign(PY_NONCE, PY_TOKEN, PY_TIMESTAMP), Signatures.sign(PY_TOKEN, PY_TIMESTAMP, PY_NONCE));
    }

    @Test
    void thePythonSampleDecryptsToItsTextMessage() {
        String xml = new SafeModeCipher(AES_KEY, PY_APP_ID).decrypt(PlatformXml.read(bytes(PY_BODY)).get("Encrypt"));
        Map<String, String> fields = PlatformXml.read(bytes(xml));
        assertEquals("gh_10f6c3c3ac5a", fields.get("ToUserName"));
        assertEquals("oyORnuP8q7ou2gfYjqLzSIWZf0rs", fields.get("FromUserName"));
        assertEquals("1409735668", fields.get("CreateTime"));
        assertEquals("text", fields.get("MsgType"));
        assertEquals("abcdteT", fields.get("Content"));
        assertEquals("6054768590064713728", fields.get("MsgId"));
    }

    @Test
    void thePythonSampleIsRefusedUnderAnotherAppId() {
        SafeModeCipher other = new SafeModeCipher(AES_KEY, JAVA_APP_ID);
        WechatProtocolException e = assertThrows(WechatProtocolException.class, () -> other.decrypt(PY_ENCRYPT));
        assertTrue(e.getMessage().contains("AppID"), e.getMessage());
    }

    @Test
    void theJavaSampleEncryptsToThePublishedText() {
        SafeModeCipher cipher = new SafeModeCipher(AES_KEY, JAVA_APP_ID);
        assertEquals(JAVA_ENCRYPTED, cipher.encrypt(JAVA_RANDOM, JAVA_REPLY));
        assertEquals(JAVA_ENCRYPTED_2, cipher.encrypt(JAVA_RANDOM, JAVA_REPLY_2));
        assertEquals(JAVA_REPLY, cipher.decrypt(JAVA_ENCRYPTED));
        assertEquals(JAVA_REPLY_2, cipher.decrypt(JAVA_ENCRYPTED_2));
    }

    @Test
    void randomPrefixesDifferButDecryptTheSame() {
        SafeModeCipher cipher = new SafeModeCipher(AES_KEY, JAVA_APP_ID);
        String a = cipher.encrypt(JAVA_REPLY);
        String b = cipher.encrypt(JAVA_REPLY);
        assertFalse(a.equals(b));
        assertEquals(JAVA_REPLY, cipher.decrypt(a));
        assertEquals(JAVA_REPLY, cipher.decrypt(b));
    }

    @Test
    void paddingFillsWholeThirtyTwoByteBlocks() {
        SafeModeCipher cipher = new SafeModeCipher(AES_KEY, "wx1");
        // 16 random + 4 length + n + 3 AppID: a multiple of 32 plus a whole extra block when it fits exactly
        for (int n = 0; n < 80; n++) {
            String message = "x".repeat(n);
            int length = java.util.Base64.getDecoder().decode(cipher.encrypt(message)).length;
            int unpadded = 16 + 4 + n + 3;
            assertEquals(0, length % 32, "length for " + n);
            assertEquals(unpadded + (32 - unpadded % 32), length, "padding for " + n);
            assertEquals(message, cipher.decrypt(cipher.encrypt(message)));
        }
    }

    @Test
    void tamperedOrMalformedTextIsRefused() {
        SafeModeCipher cipher = new SafeModeCipher(AES_KEY, JAVA_APP_ID);
        assertThrows(WechatProtocolException.class, () -> cipher.decrypt("not base64 !"));
        assertThrows(WechatProtocolException.class, () -> cipher.decrypt("AAAA"));
        byte[] raw = java.util.Base64.getDecoder().decode(JAVA_ENCRYPTED);
        raw[raw.length - 1] ^= 0x55;
        assertThrows(WechatProtocolException.class,
                () -> cipher.decrypt(java.util.Base64.getEncoder().encodeToString(raw)));
    }

    @Test
    void encodingAesKeysAreFortyThreeCharacters() {
        assertEquals(32, SafeModeCipher.aesKey(AES_KEY).length);
        assertThrows(IllegalArgumentException.class, () -> SafeModeCipher.aesKey("short"));
        assertThrows(IllegalArgumentException.class, () -> SafeModeCipher.aesKey(AES_KEY + "H"));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
