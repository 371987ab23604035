package io.parley.domain;

/** What a channel's contact point addresses look like, and so how they are checked and normalised. */
public enum AddressFormat {
    /** A phone number, normalised to E.164 (SMS, calls). */
    PHONE(ContactType.MOBILE),
    /** An email address. */
    EMAIL(ContactType.PERSONAL),
    /** An account id on a messaging platform (an OpenID), taken as given. */
    ACCOUNT_ID(ContactType.PERSONAL),
    /** A postal address (letters). */
    POSTAL(ContactType.HOME);

    private final ContactType defaultType;

    AddressFormat(ContactType defaultType) {
        this.defaultType = defaultType;
    }

    /** The type of a contact point whose request names none. */
    public ContactType defaultType() {
        return defaultType;
    }
}
