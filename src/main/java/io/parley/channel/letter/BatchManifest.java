package io.parley.channel.letter;

import io.parley.channel.letter.store.LetterRows.BatchLetter;

import java.util.ArrayList;
import java.util.List;

/**
 * The manifest of a print batch, as CSV (RFC 4180, UTF-8, CRLF): one row per letter with its id, case, page count,
 * paper, SHA-256, file name and up to {@value #ADDRESS_COLUMNS} address lines (more are joined into the last).
 */
final class BatchManifest {
    static final int ADDRESS_COLUMNS = 8;

    private final StringBuilder csv = new StringBuilder();

    BatchManifest() {
        List<String> header = new ArrayList<>(List.of("letter_id", "case_id", "pages", "paper", "sha256", "file"));
        for (int i = 1; i <= ADDRESS_COLUMNS; i++) {
            header.add("address_line_" + i);
        }
        row(header);
    }

    static String fileName(BatchLetter letter) {
        return letter.attemptId() + ".pdf";
    }

    void add(BatchLetter letter) {
        List<String> cells = new ArrayList<>(List.of(letter.attemptId().toString(), letter.caseId(),
                Integer.toString(letter.pages()), letter.paper(), letter.sha256(), fileName(letter)));
        List<String> lines = letter.addressLines();
        for (int i = 0; i < ADDRESS_COLUMNS; i++) {
            if (i == ADDRESS_COLUMNS - 1 && lines.size() > ADDRESS_COLUMNS) {
                cells.add(String.join(", ", lines.subList(i, lines.size())));
            } else {
                cells.add(i < lines.size() ? lines.get(i) : "");
            }
        }
        row(cells);
    }

    String csv() {
        return csv.toString();
    }

    private void row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells.get(i);
            boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0;
            csv.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        csv.append("\r\n");
    }
}
