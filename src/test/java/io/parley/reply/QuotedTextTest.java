package io.parley.reply;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuotedTextTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nothing quoted                | I'll pay 50 Friday                                           | I'll pay 50 Friday                 | 0
            a quoted line above           | > Reply STOP to opt out\\nhow much is left?                   | how much is left?                  | 1
            full-width quote mark         | ＞回T退订\\n我还欠多少                                          | 我还欠多少                           | 1
            on ... wrote                  | Paying Monday.\\n\\nOn Tue, Jun 3 Accounts wrote:\\n> Reply STOP | Paying Monday.\\n                  | 2
            original message              | ok\\n-----Original Message-----\\nunsubscribe below           | ok                                 | 2
            a header block                | Paid.\\nFrom: Billing\\nSent: Monday\\nstop emails             | Paid.                              | 3
            a From line alone is the text | From: me. Stop texting                                       | From: me. Stop texting             | 0
            chinese headers               | 周五还\\n发件人: 催收\\n发送时间: 6月3日\\n回复TD退订               | 周五还                               | 3
            chinese wrote                 | 好的\\n在 2025年6月3日，催收中心 写道：\\n> 退订回T                 | 好的                                 | 2
            only a quotation is kept      | > STOP                                                       | > STOP                             | 0
            """)
    void setsAsideWhatIsQuoted(String name, String text, String own, int quoted) {
        QuotedText.Own result = QuotedText.of(text.replace("\\n", "\n"));
        assertEquals(own.replace("\\n", "\n"), result.text());
        assertEquals(quoted, result.quotedLines());
    }
}
