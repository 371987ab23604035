package io.parley.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/** A SHA-256 digest of JSON with object keys in a fixed order, so equal documents digest equally. */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    public static String sha256(JsonObject json) {
        try {
            byte[] bytes = new JsonObject(new java.util.LinkedHashMap<>(sorted(json))).encode()
                    .getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static TreeMap<String, Object> sorted(JsonObject o) {
        TreeMap<String, Object> map = new TreeMap<>();
        o.forEach(e -> map.put(e.getKey(), sortedValue(e.getValue())));
        return map;
    }

    private static Object sortedValue(Object value) {
        if (value instanceof JsonObject o) {
            return sorted(o);
        }
        if (value instanceof JsonArray a) {
            List<Object> list = new ArrayList<>();
            a.forEach(v -> list.add(sortedValue(v)));
            return list;
        }
        return value;
    }
}
