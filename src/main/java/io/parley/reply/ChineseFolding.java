package io.parley.reply;

/**
 * Folds Chinese text to the forms the rules are written in, one character for one character (so positions in the
 * text do not move): the financial numerals of amounts written out on cheques and in formal letters (壹仟伍佰 is
 * read as 一千五百) and the traditional characters of the words replies are made of (請停止發送簡訊 is read as
 * 请停止发送简讯). A fixed table, not a dictionary: a character missing here is left as it is.
 */
final class ChineseFolding {
    private static final String FROM = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬圓"
            + "還經發訊簡請託師訂別們給錯號碼電話聯繫係絡個這帳賬債務產訴將錢過來為會時點週禮額銷戶認識騷擾"
            + "聽說讓謝裡麼沒貸辦買賣單據幫幹嗎無難問題該應終塊轉現實親醫療歲兒麵書寫記錄處費從開關";
    private static final String TO = "一二二三三四五六六七八九十百千万元"
            + "还经发讯简请托师订别们给错号码电话联系系络个这账账债务产诉将钱过来为会时点周礼额销户认识骚扰"
            + "听说让谢里么没贷办买卖单据帮干吗无难问题该应终块转现实亲医疗岁儿面书写记录处费从开关";

    static {
        if (FROM.length() != TO.length()) {
            throw new ExceptionInInitializerError("folding table: " + FROM.length() + " != " + TO.length());
        }
    }

    private ChineseFolding() {
    }

    static String fold(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            int at = FROM.indexOf(text.charAt(i));
            if (at >= 0) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, TO.charAt(at));
            }
        }
        return out == null ? text : out.toString();
    }
}
