package io.parley.reply;

/**
 * Folds Chinese text to the forms the rules are written in, one character for one character (so positions in the
 * text do not move): the financial numerals of amounts written out on cheques and in formal letters (壹仟伍佰 is
 * read as 一千五百) and the traditional characters of the words replies are made of (請停止發送簡訊 is read as
 * 请停止发送简讯), after a few Cantonese words and common slips (see {@link #WORDS}). A fixed table, not a
 * dictionary: a character missing here is left as it is.
 */
final class ChineseFolding {
    private static final String FROM = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬圓"
            + "還經發訊簡請託師訂別們給錯號碼電話聯繫係絡個這帳賬債務產訴將錢過來為會時點週禮額銷戶認識騷擾"
            + "聽說讓謝裡麼沒貸辦買賣單據幫幹嗎無難問題該應終塊轉現實親醫療歲兒麵書寫記錄處費從開關"
            + "傳匯繳專員兩間啟歸償煩線網銀櫃憑證協議約絕營業機數預備貨續補繼當條資規則狀況習慣"
            + "郵閱刪覅對後張盜氣";
    private static final String TO = "一二二三三四五六六七八九十百千万元"
            + "还经发讯简请托师订别们给错号码电话联系系络个这账账债务产诉将钱过来为会时点周礼额销户认识骚扰"
            + "听说让谢里么没贷办买卖单据帮干吗无难问题该应终块转现实亲医疗岁儿面书写记录处费从开关"
            + "传汇缴专员两间启归偿烦线网银柜凭证协议约绝营业机数预备货续补继当条资规则状况习惯"
            + "邮阅删别对后张盗气";

    static {
        if (FROM.length() != TO.length()) {
            throw new ExceptionInInitializerError("folding table: " + FROM.length() + " != " + TO.length());
        }
    }

    private ChineseFolding() {
    }

    /**
     * Words before characters, each for one of the same length: Cantonese as Hong Kong debtors write it (唔係我嘅 reads
     * 不是我的, 聽日俾返五百 reads 明天归还五百), and slips of the same sound or shape (以经 for 已经, 不要在发 for 不要再发,
     * 下舟 for 下周, 月低 for 月底), and dialect words for "don't" (Shanghainese 覅, Taiwanese 麥擱, Sichuanese 莫再).
     */
    private static final String[][] WORDS = {
            {"唔係", "不是"}, {"唔系", "不是"}, {"唔好", "不要"}, {"唔想", "不想"}, {"唔使", "不用"}, {"係邊", "是哪"}, {"系边", "是哪"}, {"聽日", "明天"},
            {"听日", "明天"}, {"尋日", "昨天"}, {"寻日", "昨天"}, {"月尾", "月底"}, {"俾返", "归还"}, {"畀返", "归还"},
            {"打返", "回电"}, {"搵", "找"}, {"冇", "没"}, {"嘅", "的"}, {"俾", "给"}, {"畀", "给"}, {"哋", "们"},
            {"咗", "了"}, {"啲", "些"}, {"邊", "哪"},
            {"以经", "已经"}, {"打措", "打错"}, {"不要在发", "不要再发"}, {"不要在打", "不要再打"}, {"别在发", "别再发"},
            {"别在打", "别再打"}, {"下舟", "下周"}, {"这舟", "这周"}, {"本舟", "本周"}, {"月低", "月底"},
            {"环钱", "还钱"}, {"环款", "还款"}, {"而家", "现在"},
            // Cantonese 喺 (at), Taiwanese 麥擱 (don't again), Sichuanese 莫 before a verb (don't); slips 月敌, 下周无
            {"喺", "在"}, {"麥擱", "别再"}, {"麦搁", "别再"}, {"莫再", "别再"}, {"莫打", "别打"}, {"莫发", "别发"},
            {"月敌", "月底"}, {"下周无", "下周五"},
            // Cantonese days and sums: 後日 (the day after tomorrow), 三千蚊 (three thousand dollars)
            {"大後日", "大后天"}, {"大后日", "大后天"}, {"後日", "后天"}, {"后日", "后天"}, {"千蚊", "千块"}, {"百蚊", "百块"},
            {"十蚊", "十块"}, {"俩千", "两千"}, {"俩万", "两万"}, {"俩百", "两百"},
            {"琴日", "昨天"}, {"已经换了", "已经还了"}, {"别在给", "别再给"}, {"不要在给", "不要再给"}};

    static String fold(String text) {
        for (String[] word : WORDS) {
            if (text.contains(word[0])) {
                text = text.replace(word[0], word[1]);
            }
        }
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
