package io.parley.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {
            "{}                                              | {}",
            "{\"a\":1,\"b\":2}                               | {\"b\":2,\"a\":1}",
            "{\"z\":null,\"a\":true}                         | {\"a\":true,\"z\":null}",
            "{\"o\":{\"x\":1,\"y\":{\"p\":1,\"q\":2}},\"k\":0} | {\"k\":0,\"o\":{\"y\":{\"q\":2,\"p\":1},\"x\":1}}",
            "{\"l\":[{\"a\":1,\"b\":2},{\"c\":3,\"d\":4}]}   | {\"l\":[{\"b\":2,\"a\":1},{\"d\":4,\"c\":3}]}",
            "{\"l\":[[{\"a\":1,\"b\":[{\"y\":1,\"x\":2}]}]]} | {\"l\":[[{\"b\":[{\"x\":2,\"y\":1}],\"a\":1}]]}",
            "{\"name\":\"Zoë\",\"amount\":12.5}              | {\"amount\":12.5,\"name\":\"Zoë\"}"})
    void keyOrderDoesNotMatter(String left, String right) {
        assertEquals(CanonicalJson.sha256(new JsonObject(left)), CanonicalJson.sha256(new JsonObject(right)));
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', value = {
            // array order is meaning
            "{\"l\":[1,2,3]}                        | {\"l\":[3,2,1]}",
            "{\"l\":[{\"a\":1},{\"b\":2}]}          | {\"l\":[{\"b\":2},{\"a\":1}]}",
            // a nested object is not the same as its text in a string
            "{\"o\":{\"a\":1}}                      | {\"o\":\"{\\\"a\\\":1}\"}",
            "{\"l\":[1,2]}                          | {\"l\":\"[1,2]\"}",
            // values, types and keys count
            "{\"a\":1}                              | {\"a\":2}",
            "{\"a\":1}                              | {\"a\":\"1\"}",
            "{\"a\":true}                           | {\"a\":\"true\"}",
            "{\"a\":null}                           | {}",
            "{\"a\":1}                              | {\"A\":1}",
            "{\"o\":{\"a\":1,\"b\":2}}              | {\"o\":{\"a\":2,\"b\":1}}",
            "{\"a\":{\"b\":1}}                      | {\"a\":{\"b\":{}}}"})
    void differentDocumentsDigestDifferently(String left, String right) {
        assertNotEquals(CanonicalJson.sha256(new JsonObject(left)), CanonicalJson.sha256(new JsonObject(right)));
    }

    @Test
    void nestedMapsAndListsDigestLikeTheirJsonForm() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("y", 2);
        inner.put("x", 1);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("list", List.of(inner, 3));
        outer.put("map", inner);

        assertEquals(CanonicalJson.sha256(new JsonObject("{\"map\":{\"x\":1,\"y\":2},\"list\":[{\"x\":1,\"y\":2},3]}")),
                CanonicalJson.sha256(new JsonObject(outer)));
    }

    @Test
    void isTheLowerCaseHexSha256OfTheSortedCompactText() {
        String digest = CanonicalJson.sha256(new JsonObject().put("b", 1).put("a", 2));
        assertTrue(digest.matches("[0-9a-f]{64}"), digest);
        // sha256 of the compact text {"a":2,"b":1}
        assertEquals("d3626ac30a87e6f7a6428233b3c68299976865fa5508e4267c5415c76af7a772", digest);
    }

    @Test
    void doesNotChangeTheDocument() {
        JsonObject json = new JsonObject("{\"b\":{\"d\":1,\"c\":2},\"a\":[2,1]}");
        String before = json.encode();
        CanonicalJson.sha256(json);
        assertEquals(before, json.encode());
    }
}
