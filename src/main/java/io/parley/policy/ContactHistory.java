package io.parley.policy;

import java.util.Comparator;
import java.util.List;

/** A debtor's past contacts across all their cases, oldest first, as far back as the longest rule looks. */
public record ContactHistory(List<PastContact> contacts) {
    public ContactHistory {
        contacts = contacts.stream().sorted(Comparator.comparing(PastContact::at)).toList();
    }

    public static ContactHistory none() {
        return new ContactHistory(List.of());
    }

    /** This history with one more contact (used within a batch, so later attempts see earlier ones). */
    public ContactHistory with(PastContact contact) {
        List<PastContact> more = new java.util.ArrayList<>(contacts);
        more.add(contact);
        return new ContactHistory(more);
    }
}
