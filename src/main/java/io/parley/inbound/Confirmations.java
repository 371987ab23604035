package io.parley.inbound;

import java.util.Locale;

/**
 * The one answer a reply may get on its own channel: the opt-out confirmation ("You will no longer receive
 * texts..." / 退订成功), the opt-in confirmation, the HELP text. Chinese for zh locales, English otherwise.
 */
final class Confirmations {
    private final String company;
    private final String phone;

    Confirmations(String company, String phone) {
        this.company = company;
        this.phone = phone;
    }

    String optedOut(String locale) {
        return chinese(locale) ? "退订成功，您将不再收到" + company + "的短信。回复START可重新订阅。"
                : "You will no longer receive texts from " + company + ". Reply START to receive them again.";
    }

    String optedOutOfAll(String locale) {
        return chinese(locale) ? "退订成功，" + company + "将不再联系您。"
                : "You will no longer be contacted by " + company + " about this account.";
    }

    String optedIn(String locale) {
        return chinese(locale) ? "您已重新订阅" + company + "的短信。回复TD退订。"
                : "You will receive texts from " + company + " again. Reply STOP to opt out.";
    }

    String help(String locale) {
        return chinese(locale) ? company + "：如需帮助请致电" + phone + "。回复TD退订。"
                : company + ": for help call " + phone + ". Reply STOP to opt out.";
    }

    private static boolean chinese(String locale) {
        return locale != null && locale.toLowerCase(Locale.ROOT).startsWith("zh");
    }
}
