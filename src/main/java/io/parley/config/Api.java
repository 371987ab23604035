package io.parley.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may call the API. bootstrapKey (api.key, usually PARLEY_API_KEY) is one ADMIN key meant for the first
 * start; keys (api.keys, file only) are the named keys with their roles. With no key at all the API is open,
 * which is only acceptable on a developer machine.
 */
public record Api(Secret bootstrapKey, List<ApiKey> keys) {

    /** The name under which the bootstrap key appears in {@link #all()}. */
    public static final String BOOTSTRAP_NAME = "bootstrap";

    private static final String API_KEYS = Setting.API_KEYS;
    private static final List<String> FIELDS = List.of("name", "key", "role");

    public Api {
        Objects.requireNonNull(bootstrapKey, "bootstrapKey");
        keys = List.copyOf(keys);
    }

    /** Every accepted key: the bootstrap key first (as ADMIN, when set), then the named keys. */
    public List<ApiKey> all() {
        List<ApiKey> all = new ArrayList<>(keys.size() + 1);
        if (!bootstrapKey.isEmpty()) {
            all.add(new ApiKey(BOOTSTRAP_NAME, bootstrapKey, Role.ADMIN));
        }
        all.addAll(keys);
        return List.copyOf(all);
    }

    /** True when no key is configured: no request can authenticate, so the API refuses them all. */
    public boolean open() {
        return bootstrapKey.isEmpty() && keys.isEmpty();
    }

    /**
     * The key a client presented, if it is one of ours. Every key is compared in constant time, so the answer
     * takes as long whichever key (if any) matches.
     */
    public Optional<ApiKey> match(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        ApiKey found = null;
        for (ApiKey key : all()) {
            if (MessageDigest.isEqual(candidate, key.key().reveal().getBytes(StandardCharsets.UTF_8)) && found == null) {
                found = key;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Reads api.key and the api.keys entries of the file. Each entry is a map with name, key and role; names and
     * keys must be unique, keys at least {@value ApiKey#MIN_LENGTH} characters without whitespace.
     */
    static Api read(ConfigReader r, List<?> entries) {
        Secret bootstrap = r.get(Setting.API_KEY, ConfigValues.secret());
        String bootstrapProblem = keyProblem(bootstrap.reveal());
        if (!bootstrap.isEmpty() && bootstrapProblem != null) {
            r.problem(Setting.API_KEY, bootstrapProblem);
            bootstrap = Secret.NONE;
        }
        Map<String, String> nameOwners = new HashMap<>();
        Map<String, String> keyOwners = new HashMap<>();
        if (!bootstrap.isEmpty()) {
            keyOwners.put(bootstrap.reveal(), Setting.API_KEY.key());
        }
        List<ApiKey> keys = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = API_KEYS + "[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                r.problem(at + ": expected an entry with name, key and role");
                continue;
            }
            ApiKey key = entry(r, at, entry);
            if (key == null) {
                continue;
            }
            String sameName = nameOwners.putIfAbsent(key.name(), at);
            String sameKey = keyOwners.putIfAbsent(key.key().reveal(), at);
            if (key.name().equals(BOOTSTRAP_NAME)) {
                r.problem(at + ".name: '" + BOOTSTRAP_NAME + "' is reserved for " + Setting.API_KEY.key());
            } else if (sameName != null) {
                r.problem(at + ".name: '" + key.name() + "' is already used by " + sameName);
            } else if (sameKey != null) {
                r.problem(at + ".key: is the same key as " + sameKey);
            } else {
                keys.add(key);
            }
        }
        return new Api(bootstrap, keys);
    }

    private static ApiKey entry(ConfigReader r, String at, Map<?, ?> entry) {
        boolean ok = true;
        for (Object field : entry.keySet()) {
            if (!FIELDS.contains(String.valueOf(field))) {
                r.problem(at + ": unknown field '" + field + "' (expected name, key and role)");
                ok = false;
            }
        }
        String name = field(r, at, entry, "name");
        String key = field(r, at, entry, "key");
        String roleText = field(r, at, entry, "role");
        if (name == null || key == null || roleText == null) {
            return null;
        }
        String keyProblem = keyProblem(key);
        if (keyProblem != null) {
            r.problem(at + ".key: " + keyProblem);
            ok = false;
        }
        Role role = null;
        try {
            role = Role.parse(roleText);
        } catch (IllegalArgumentException e) {
            r.problem(at + ".role: '" + roleText + "' " + e.getMessage());
            ok = false;
        }
        return ok ? new ApiKey(name, Secret.of(key), role) : null;
    }

    private static String field(ConfigReader r, String at, Map<?, ?> entry, String field) {
        Object value = entry.get(field);
        if (value instanceof String text && !text.isBlank()) {
            return text.trim();
        }
        r.problem(at + "." + field + ": is required" + (value == null || value instanceof String ? "" : " as a single value"));
        return null;
    }

    /** Why a key cannot be used, or null when it can. Never quotes the key. */
    private static String keyProblem(String key) {
        if (key.length() < ApiKey.MIN_LENGTH) {
            return "a key of " + key.length() + " characters is too short (at least " + ApiKey.MIN_LENGTH + ")";
        }
        if (key.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return "a key must not contain whitespace or control characters";
        }
        return null;
    }
}
