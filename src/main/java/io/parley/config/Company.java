package io.parley.config;

import java.util.Objects;

/** The creditor as messages present it: its name, a phone number debtors can call, and where they can pay. */
public record Company(String name, String phone, String payUrl) {

    public Company {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(payUrl, "payUrl");
    }

    static Company read(ConfigReader r) {
        return new Company(
                r.get(Setting.COMPANY_NAME, ConfigValues.required()),
                r.get(Setting.COMPANY_PHONE, ConfigValues.e164()),
                r.get(Setting.COMPANY_PAY_URL, ConfigValues.httpUrl()));
    }
}
