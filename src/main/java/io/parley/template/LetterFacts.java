package io.parley.template;

import io.parley.domain.Address;

/**
 * The case as a letter prints it outside the template's text: the debtor's name and postal address, and the account
 * formatted for the letter's locale (the amount with its currency, the due date in the locale's long form). A value
 * the case does not have is null.
 */
public record LetterFacts(String name, Address address, String contractNo, String amount, int daysPastDue,
                          String dueDate) {
}
