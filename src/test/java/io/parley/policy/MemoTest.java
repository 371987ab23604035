package io.parley.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A memo answers as its function does, works each key out once while it is kept, and never keeps more than its limit. */
class MemoTest {

    @ParameterizedTest(name = "limit {0}, keys {1} -> computed {2}")
    @CsvSource(delimiter = ';', value = {
            "10; a b a b a;        a b",
            "2;  a b a b;          a b",
            "2;  a b c a;          a b c a",
            "1;  a a b b a;        a b a",
            "3;  x;                x",
    })
    void worksEachKeyOutOncePerKeeping(int limit, String keys, String computed) {
        List<String> calls = new ArrayList<>();
        Memo<String, String> memo = new Memo<>(limit, key -> {
            calls.add(key);
            return key.toUpperCase();
        });
        for (String key : keys.split(" ")) {
            assertEquals(key.toUpperCase(), memo.get(key));
        }
        assertEquals(List.of(computed.split(" ")), calls);
    }
}
