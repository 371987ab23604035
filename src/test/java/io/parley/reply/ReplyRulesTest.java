package io.parley.reply;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reply rules files are validated strictly; every error names the file and the field. */
class ReplyRulesTest {
    private static final String VALID = """
            language: en
            numericDates: month_day
            keywords:
              opt_out: [stop]
            phrases:
              opt_out: ['\\\\bstop texting\\\\b']
            """;

    @TempDir
    Path dir;

    @Test
    void shippedRulesLoad() {
        ReplyClassifier classifier = ReplyClassifier.load(Path.of("conf", "replies"));
        assertEquals(List.of("en", "zh"), classifier.languages());
    }

    @Test
    void aMinimalFileLoads() throws IOException {
        Files.writeString(dir.resolve("en.yaml"), VALID);
        ReplyClassifier classifier = ReplyClassifier.load(dir);
        assertEquals(ReplyIntent.OPT_OUT, classifier.classify("Stop!", "en", java.time.ZoneOffset.UTC,
                java.time.Instant.EPOCH).intent());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "language: en\\nnumericDates: month_day\\nkeywords: {opt_out: [stop]}\\ncolour: red"
                    + "|field 'colour': unknown field",
            "numericDates: month_day\\nkeywords: {opt_out: [stop]}|field 'language': is required",
            "language: English\\nnumericDates: month_day\\nkeywords: {opt_out: [stop]}"
                    + "|field 'language': 'English' is not a lower-case ISO 639 language code",
            "language: en\\nkeywords: {opt_out: [stop]}|field 'numericDates': is required",
            "language: en\\nnumericDates: year_first\\nkeywords: {opt_out: [stop]}"
                    + "|field 'numericDates': 'year_first' is not a date order",
            "language: en\\nnumericDates: month_day\\nnumericDatesByRegion: {gb: day_month}\\nkeywords: {opt_out: [stop]}"
                    + "|field 'numericDatesByRegion.gb': 'gb' is not an upper-case region code",
            "language: en\\nnumericDates: month_day\\nkeywords: {stopping: [stop]}"
                    + "|field 'keywords.stopping': unknown intent 'stopping'",
            "language: en\\nnumericDates: month_day\\nkeywords: {other: [hi]}"
                    + "|field 'keywords.other': other is what matches nothing",
            "language: en\\nnumericDates: month_day\\nkeywords: {opt_out: []}"
                    + "|field 'keywords.opt_out': must be a non-empty list",
            "language: en\\nnumericDates: month_day\\nkeywords: {opt_out: [stop, STOP]}"
                    + "|field 'keywords.opt_out[1]': 'STOP' is already a keyword of opt_out",
            "language: en\\nnumericDates: month_day\\nkeywords: {opt_out: [stop], opt_in: [Ｓｔｏｐ]}"
                    + "|field 'keywords.opt_in[0]': 'Ｓｔｏｐ' is already a keyword of opt_out",
            "language: en\\nnumericDates: month_day\\nkeywords: {opt_out: [stop!]}"
                    + "|field 'keywords.opt_out[0]': 'stop!' starts or ends with punctuation",
            "language: en\\nnumericDates: month_day\\nkeywords: {opt_out: [7]}"
                    + "|field 'keywords.opt_out[0]': must be a non-empty string, not 7",
            "language: en\\nnumericDates: month_day\\nphrases: {opt_out: ['stop (texting']}"
                    + "|field 'phrases.opt_out[0]': /stop (texting/ is not a valid regular expression",
            "language: en\\nnumericDates: month_day\\nphrases: {opt_out: ['(stop)?']}"
                    + "|field 'phrases.opt_out[0]': /(stop)?/ matches empty text",
            "language: en\\nnumericDates: month_day\\nphrases: {opt_out: [stop]}\\nexceptions: {help: [x]}"
                    + "|field 'exceptions.help': this file has no phrases for help",
            "language: en\\nnumericDates: month_day|has neither keywords nor phrases",
            "language: en\\nnumericDates: month_day\\nkeywords: {opt_out: [stop]\\n|not valid YAML",
            "language: en\\nlanguage: zh\\nnumericDates: month_day\\nkeywords: {opt_out: [stop]}|not valid YAML",
            "- stop|must be a mapping"})
    void invalidFilesAreRejectedNamingFileAndField(String yaml, String expected) throws IOException {
        Path file = dir.resolve("en.yaml");
        Files.writeString(file, yaml.replace("\\n", "\n"));
        ReplyRulesException e = assertThrows(ReplyRulesException.class, () -> ReplyClassifier.load(dir));
        assertTrue(e.getErrors().stream().anyMatch(error -> error.startsWith(file + ": ") && error.contains(expected)),
                e.getErrors().toString());
    }

    @Test
    void allErrorsOfAllFilesAreReportedTogether() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "language: en\nnumericDates: sideways\nkeywords: {opt_out: [stop!]}");
        Files.writeString(dir.resolve("b.yml"), "language: zh\nkeywords: {maybe: [x]}");
        ReplyRulesException e = assertThrows(ReplyRulesException.class, () -> ReplyClassifier.load(dir));
        assertEquals(4, e.getErrors().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("4 errors in " + dir), e.getMessage());
    }

    @Test
    void aLanguageOrAKeywordInTwoFilesIsAnError() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), VALID);
        Files.writeString(dir.resolve("b.yaml"), VALID);
        ReplyRulesException e = assertThrows(ReplyRulesException.class, () -> ReplyClassifier.load(dir));
        assertTrue(e.getErrors().get(0).contains("field 'language': 'en' is also defined in " + dir.resolve("a.yaml")),
                e.getErrors().toString());

        Files.writeString(dir.resolve("b.yaml"), VALID.replace("language: en", "language: fr"));
        e = assertThrows(ReplyRulesException.class, () -> ReplyClassifier.load(dir));
        assertTrue(e.getErrors().get(0).contains("field 'keywords.opt_out': 'stop' is also a keyword in "
                + dir.resolve("a.yaml")), e.getErrors().toString());
    }

    @Test
    void anEmptyDirectoryIsAnError() {
        ReplyRulesException e = assertThrows(ReplyRulesException.class, () -> ReplyClassifier.load(dir));
        assertTrue(e.getMessage().contains("has no reply rules files"), e.getMessage());
        assertThrows(ReplyRulesException.class, () -> ReplyClassifier.load(dir.resolve("missing")));
    }
}
