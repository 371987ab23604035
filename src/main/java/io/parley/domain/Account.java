package io.parley.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/** The debt being collected, as the collection engine sees it when it enrolls the case. */
public record Account(String contractNo, BigDecimal balance, Currency currency, int daysPastDue, LocalDate dueDate) {
}
