package io.parley.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigDatabaseTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // url | host | port | database | user | password | parameters
            "postgresql://app:pw@db.internal:5433/ledger?sslmode=require | db.internal | 5433 | ledger | app | pw | {sslmode=require}",
            "postgres://app:p%40ss@10.0.0.5/ledger | 10.0.0.5 | 5432 | ledger | app | p@ss | {}",
            "postgresql://db.internal | db.internal | 5432 | '' | '' | '' | {}",
            "postgresql://app@db.internal/ledger | db.internal | 5432 | ledger | app | '' | {}",
            "jdbc:postgresql://db.internal:6432/ledger?user=app&password=a%26b&ssl=true | db.internal | 6432 | ledger | app | a&b | {ssl=true}",
            "postgresql://db.internal/ledger?user=app&password=pw | db.internal | 5432 | ledger | app | pw | {}",
    })
    void acceptedUrlsAreTakenApart(String url, String host, int port, String database, String user, String password,
                                   String parameters) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        assertEquals(host, parsed.host());
        assertEquals(port, parsed.port());
        assertEquals(database, parsed.database());
        assertEquals(user, parsed.user());
        assertEquals(password, parsed.password().reveal());
        assertEquals(parameters, parsed.parameters().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "mysql://db/ledger",
            "db.internal:5432/ledger",
            "postgresql:///ledger",
            "postgresql://db:99999/ledger",
            "postgresql://db/ledger/extra",
            "jdbc:postgresql://app:pw@db/ledger",
            "postgresql://db/ledger?%zz=1",
            "postgresql://db/ledger#fragment",
            "postgresql://db /ledger",
    })
    void malformedUrlsAreRejected(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(url));
        assertEquals(DatabaseUrl.EXPECTED, e.getMessage());
    }

    @Test
    void urlWinsOverSeparateKeysAndFillsWhatItLacks() {
        Database db = ConfigLoader.fromMap(Map.of(
                "database.url", "postgres://app@db.internal:5433/ledger?sslmode=verify-full",
                "database.host", "ignored.internal",
                "database.password", "from-key")).database();
        assertFalse(db.embedded());
        assertEquals("db.internal", db.host());
        assertEquals(5433, db.port());
        assertEquals("ledger", db.name());
        assertEquals("app", db.user());
        assertEquals("from-key", db.password().reveal());
        assertEquals(Map.of("sslmode", "verify-full"), db.parameters());
    }

    @Test
    void separateKeysDescribeAnExternalServer() {
        Database db = ConfigLoader.fromMap(Map.of("database.host", "db.internal", "database.port", "6543")).database();
        assertFalse(db.embedded());
        assertEquals("", db.url());
        assertEquals("db.internal", db.host());
        assertEquals(6543, db.port());
        assertEquals(Map.of(), db.parameters());
    }

    @Test
    void neitherUrlNorHostMeansEmbedded() {
        Database db = ConfigLoader.defaults().database();
        assertTrue(db.embedded());
        assertEquals(new Database("", "", 5432, "parley", "parley", Secret.NONE, 8, 0), db);
    }
}
