package io.parley.channel.letter.store;

import java.util.List;
import java.util.UUID;

/** A rendered letter to keep and put in a print batch; contactAddress is the postal contact point it went to. */
public record NewLetter(UUID attemptId, String caseId, UUID enrollmentId, String debtorId, int pages, String paper,
                        String sha256, byte[] pdf, List<String> addressLines, String contactAddress) {
    public NewLetter {
        addressLines = List.copyOf(addressLines);
    }
}
