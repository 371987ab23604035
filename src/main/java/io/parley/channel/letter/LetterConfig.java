package io.parley.channel.letter;

import io.parley.config.ConfigSection;
import io.parley.config.ConfigValues;
import io.parley.config.Secret;
import io.parley.config.Setting;
import io.parley.config.SettingsReader;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * The letter channel: when batches close (cut-off in the company's zone), how long the post takes, how long the
 * debtor is given to pay, how long a step waits for the post's news, where batches go (a drop directory, or a print
 * house's URL with the secret both sides sign with; neither: the local print-house simulator), who the letters are
 * from, and the notices file.
 */
public record LetterConfig(LocalTime cutoff, ZoneId zone, Duration transit, Period payWithin, Duration outcomeWait,
                           Duration pollInterval, int workers, Path dropDirectory, String printHouseUrl,
                           Secret printHouseSecret, Creditor creditor, Path notices) {
    static final Setting CUTOFF = Setting.of("letter.cutoff", "16:00");
    static final Setting ZONE = Setting.of("letter.zone", "America/New_York");
    static final Setting TRANSIT = Setting.of("letter.transit", "P3D");
    static final Setting PAY_WITHIN = Setting.of("letter.payWithin", "P14D");
    static final Setting OUTCOME_WAIT = Setting.of("letter.outcomeWait", "P21D");
    static final Setting POLL_INTERVAL = Setting.of("letter.pollInterval", "PT30S");
    static final Setting WORKERS = Setting.of("letter.workers", "2");
    static final Setting DROP_DIRECTORY = Setting.of("letter.dropDirectory", "");
    static final Setting PRINT_HOUSE_URL = Setting.of("letter.printHouse.url", "");
    static final Setting PRINT_HOUSE_SECRET = Setting.secret("letter.printHouse.secret", "");
    static final Setting SENDER_ADDRESS = Setting.of("letter.sender.address",
            "100 Market Street, Suite 400|San Francisco, CA 94105");
    static final Setting SENDER_COUNTRY = Setting.of("letter.sender.country", "US");
    static final Setting RETURN_NAME = Setting.of("letter.sender.returnName", "");
    static final Setting NOTICES = Setting.of("letter.notices", "conf/letters/notices.yaml");

    /** Neither a drop directory nor a print house: batches go to the local simulator. */
    public boolean simulated() {
        return dropDirectory == null && printHouseUrl.isEmpty();
    }

    /** The letter section of the configuration. */
    public static final class Section implements ConfigSection<LetterConfig> {
        @Override
        public List<Setting> settings() {
            return List.of(CUTOFF, ZONE, TRANSIT, PAY_WITHIN, OUTCOME_WAIT, POLL_INTERVAL, WORKERS, DROP_DIRECTORY,
                    PRINT_HOUSE_URL, PRINT_HOUSE_SECRET, SENDER_ADDRESS, SENDER_COUNTRY, RETURN_NAME, NOTICES);
        }

        @Override
        public LetterConfig read(SettingsReader r) {
            String url = r.get(PRINT_HOUSE_URL, text -> text.isEmpty() ? "" : ConfigValues.httpUrl().parse(text));
            Secret secret = r.get(PRINT_HOUSE_SECRET, ConfigValues.secret());
            if (!url.isEmpty() && secret.reveal().length() < 16) {
                r.problem(PRINT_HOUSE_SECRET, "is required (16 characters or more) when " + PRINT_HOUSE_URL.key()
                        + " is set");
            }
            String drop = r.text(DROP_DIRECTORY);
            if (!drop.isEmpty() && !url.isEmpty()) {
                r.problem(DROP_DIRECTORY, "and " + PRINT_HOUSE_URL.key() + " cannot both be set");
            }
            // the company's settings are checked (and their problems reported) with the core configuration
            String company = r.text(Setting.COMPANY_NAME);
            String returnName = r.text(RETURN_NAME);
            Creditor creditor = new Creditor(company, Arrays.stream(r.text(SENDER_ADDRESS).split("\\|"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList(),
                    r.get(SENDER_COUNTRY, text -> text.toUpperCase(java.util.Locale.ROOT)),
                    r.text(Setting.COMPANY_PHONE), r.text(Setting.COMPANY_PAY_URL),
                    returnName.isEmpty() ? company : returnName);
            return new LetterConfig(r.get(CUTOFF, Section::time), r.get(ZONE, ConfigValues.zone()),
                    r.get(TRANSIT, ConfigValues.nonNegativeDuration()), r.get(PAY_WITHIN, Section::period),
                    r.get(OUTCOME_WAIT, ConfigValues.positiveDuration()),
                    r.get(POLL_INTERVAL, ConfigValues.positiveDuration()), r.get(WORKERS, ConfigValues.positiveInt()),
                    drop.isEmpty() ? null : Path.of(drop), url, secret, creditor, Path.of(r.text(NOTICES)));
        }

        private static LocalTime time(String text) {
            try {
                return LocalTime.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("is not a time of day (HH:MM, e.g. 16:00)", e);
            }
        }

        private static Period period(String text) {
            try {
                return Period.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("is not an ISO-8601 period of days (e.g. P14D)", e);
            }
        }
    }
}
