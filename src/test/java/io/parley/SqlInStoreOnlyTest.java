package io.parley;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.parley.testing.ClassConstants;
import io.parley.testing.MainClassesOnly;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SQL lives in store packages only: io.parley.store, and a channel's own io.parley.channel.NAME.store. Outside them
 * no class runs a query on the SQL client, and none holds SQL text.
 */
class SqlInStoreOnlyTest {
    private static final String[] STORES = {"io.parley.store..", "io.parley.channel.*.store.."};
    private static final Pattern SQL = Pattern.compile(
            "\\b(SELECT\\b[\\s\\S]*\\bFROM|INSERT\\s+INTO|UPDATE\\s+\\w+\\s+SET|DELETE\\s+FROM|"
                    + "(CREATE|ALTER|DROP)\\s+(TABLE|INDEX))\\b");

    private static final DescribedPredicate<JavaMethodCall> RUNS_SQL = DescribedPredicate.describe(
            "SqlClient.query or SqlClient.preparedQuery",
            call -> call.getTarget().getOwner().isAssignableTo(SqlClient.class)
                    && Set.of("query", "preparedQuery").contains(call.getTarget().getName()));
    static final ArchRule NO_QUERIES = noClasses().that().resideOutsideOfPackages(STORES)
            .should().callMethodWhere(RUNS_SQL)
            .because("statements are run behind typed methods of the store packages");
    static final ArchRule NO_SQL_TEXT = classes().that().resideOutsideOfPackages(STORES)
            .should(holdNoSqlText())
            .because("each statement is written once, next to the repository method that runs it");

    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(new MainClassesOnly())
            .importPackages("io.parley");

    @Test
    void queriesRunInStoreOnly() {
        NO_QUERIES.check(MAIN);
    }

    @Test
    void sqlTextLivesInStoreOnly() {
        NO_SQL_TEXT.check(MAIN);
    }

    /** The rules do catch what they forbid (so a passing check means something). */
    static Stream<Arguments> offenders() {
        return Stream.of(Arguments.of("queries the pool", NO_QUERIES, QueriesThePool.class),
                Arguments.of("holds a statement", NO_SQL_TEXT, HoldsAStatement.class),
                Arguments.of("holds a text block", NO_SQL_TEXT, HoldsATextBlock.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("offenders")
    void catchesAnOffender(String title, ArchRule rule, Class<?> offender) {
        JavaClasses classes = new ClassFileImporter().importClasses(offender);
        assertThrows(AssertionError.class, () -> rule.check(classes));
    }

    private static ArchCondition<JavaClass> holdNoSqlText() {
        return new ArchCondition<>("hold no SQL text") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (String constant : ClassConstants.strings(item)) {
                    if (SQL.matcher(constant).find()) {
                        events.add(SimpleConditionEvent.violated(item, item.getName() + " holds SQL text: "
                                + constant.strip().lines().findFirst().orElse("")));
                    }
                }
            }
        };
    }

    static final class QueriesThePool {
        Future<?> count(Pool pool) {
            return pool.query("select 1").execute();
        }
    }

    static final class HoldsAStatement {
        static String statement() {
            return "UPDATE enrollment SET status = $2 WHERE id = $1";
        }
    }

    static final class HoldsATextBlock {
        static String statement(String table) {
            return """
                    SELECT id
                    FROM %s""".formatted(table);
        }
    }
}
