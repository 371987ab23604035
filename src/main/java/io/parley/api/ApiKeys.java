package io.parley.api;

import io.parley.http.AddressMasking;
import io.parley.http.ApiProblem;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Bearer API keys: 401 without a known key, 403 when a read-only key tries to write. Keys are held as SHA-256
 * digests and looked up by digest, so comparing never leaks a key's characters through timing.
 */
public final class ApiKeys implements Handler<RoutingContext> {
    static final String PRINCIPAL = "principal";
    private final Map<String, Principal> byDigest = new HashMap<>();
    private final List<Pattern> readingWrites;

    /** @param keys each key with its principal */
    public ApiKeys(Map<String, Principal> keys) {
        this(keys, List.of());
    }

    /**
     * @param keys          each key with its principal
     * @param readingWrites paths a read key may POST to, because the operation changes nothing (a preview)
     */
    public ApiKeys(Map<String, Principal> keys, List<Pattern> readingWrites) {
        keys.forEach((key, principal) -> byDigest.put(digest(key), principal));
        this.readingWrites = List.copyOf(readingWrites);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"parley\"");
            ctx.fail(ApiProblem.unauthorized());
            return;
        }
        Principal principal = byDigest.get(digest(header.substring(7).trim()));
        if (principal == null) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"parley\", error=\"invalid_token\"");
            ctx.fail(ApiProblem.unauthorized());
            return;
        }
        HttpMethod method = ctx.request().method();
        boolean write = !(method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD))
                && readingWrites.stream().noneMatch(p -> p.matcher(ctx.request().path()).matches());
        if (write && !principal.canWrite()) {
            ctx.fail(ApiProblem.forbidden());
            return;
        }
        ctx.put(PRINCIPAL, principal);
        ctx.put(AddressMasking.MASKED, !principal.seesAddresses());
        ctx.next();
    }

    static Principal principal(RoutingContext ctx) {
        return ctx.get(PRINCIPAL);
    }

    private static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
