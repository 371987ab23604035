package io.parley.store;

import io.vertx.sqlclient.Tuple;

import java.lang.reflect.Array;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Many rows as one statement's parameters: one array per column, read back in SQL with
 * {@code unnest($1::uuid[], $2::text[], ...)}, so a batch costs the database one statement rather than one per row.
 * JSON goes as text and is cast in the statement ({@code u.data::jsonb}).
 */
final class Unnest {
    private Unnest() {
    }

    /** One column: its Java element type (the array's) and how a row gives its value. */
    record Column<T, V>(Class<V> type, Function<T, V> value) {
    }

    static <T, V> Column<T, V> col(Class<V> type, Function<T, V> value) {
        return new Column<>(type, value);
    }

    @SafeVarargs
    static <T> Tuple arrays(List<T> rows, Column<T, ?>... columns) {
        Object[] params = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            Object array = Array.newInstance(columns[c].type(), rows.size());
            for (int r = 0; r < rows.size(); r++) {
                Array.set(array, r, columns[c].value().apply(rows.get(r)));
            }
            params[c] = array;
        }
        return Tuple.from(params);
    }

    /**
     * Whether no two rows share a key: one set-based statement touches a row once, so rows that change the same one
     * twice (each change building on the last) go row by row instead.
     */
    static <T, K> boolean distinct(List<T> rows, Function<T, K> key) {
        Set<K> seen = new HashSet<>();
        for (T row : rows) {
            if (!seen.add(key.apply(row))) {
                return false;
            }
        }
        return true;
    }
}
