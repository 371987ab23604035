package io.parley.template;

import java.util.Objects;

/** The collecting company as messages identify it: its name and the phone number debtors call back. */
public record Company(String name, String phone) {
    public Company {
        Objects.requireNonNull(name, "company name");
        Objects.requireNonNull(phone, "company phone");
    }
}
