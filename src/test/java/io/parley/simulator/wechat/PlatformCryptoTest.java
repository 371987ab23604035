package io.parley.simulator.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The simulator's side of the crypto against Tencent's sample code for "message encryption and decryption"
 * (developers.weixin.qq.com/doc/offiaccount/Message_Management/Message_encryption_and_decryption_instructions.html):
 * the Java sample's encrypted reply (WXBizMsgCryptTest, also in github.com/Wechat-Group/WxJava as
 * weixin-java-common/src/test/java/me/chanjar/weixin/common/util/crypto/WxCryptUtilTest.java) and the Python
 * sample's msg_signature (Sample.py).
 */
class PlatformCryptoTest {
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    @Test
    void opensTheJavaSamplesReply() {
        PlatformCrypto crypto = new PlatformCrypto("pamtest", "wxb11529c136998cb6", AES_KEY);
        assertEquals("我是中文abcd123", crypto.open(
                "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg=="));
        PlatformCrypto other = new PlatformCrypto("pamtest", "wx0000000000000000", AES_KEY);
        assertThrows(IllegalArgumentException.class, () -> other.open(
                "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg=="));
    }

    @Test
    void signsLikeThePythonSample() {
        PlatformCrypto crypto = new PlatformCrypto("spamtest", "wx2c2769f8efd9abc2", AES_KEY);
        String encrypt = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8P"
                + "GHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVtic"
                + "bSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTf"
                + "Rd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNP"
                + "fUM669WuMyVWQLCzpu9GhglF2PE=";
        assertEquals("5d197aaffba7e9b25a30732f161a50dee96bd5fa", crypto.signature("1409735669", "1320562132", encrypt));
        String xml = crypto.open(encrypt);
        assertEquals("abcdteT", XmlFields.read(xml, "Content").orElseThrow());
    }

    @Test
    void sealedTextOpensAgain() {
        PlatformCrypto crypto = new PlatformCrypto("t", "wx1", AES_KEY);
        String xml = XmlFields.write(java.util.Map.of("Content", "下周五还500 ]]> <&"));
        assertEquals(xml, crypto.open(crypto.seal(xml)));
        assertEquals("下周五还500 ]]> <&", XmlFields.read(xml, "Content").orElseThrow());
    }
}
