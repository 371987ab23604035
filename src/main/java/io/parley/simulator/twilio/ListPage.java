package io.parley.simulator.twilio;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One page of a list answer in Twilio's 2010-04-01 paging envelope (page, page_size, *_page_uri, start, end). */
final class ListPage {
    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 1000;

    private ListPage() {
    }

    /**
     * Builds the page the query asks for.
     *
     * @param listPath the list's path, e.g. /2010-04-01/Accounts/AC.../Messages.json
     * @param key      the name of the array in the envelope, e.g. "messages"
     * @param filters  the filter parameters the query carried, repeated in every page uri
     */
    static <R> JsonObject of(String listPath, String key, MultiMap query, Map<String, String> filters,
                             List<R> matching, Function<R, String> sidOf, Function<R, JsonObject> toJson) {
        int pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, intParam(query, "PageSize", DEFAULT_PAGE_SIZE)));
        int page = Math.max(0, intParam(query, "Page", 0));
        int start = page * pageSize;
        List<R> items = start >= matching.size()
                ? List.of()
                : matching.subList(start, Math.min(matching.size(), start + pageSize));
        JsonArray array = new JsonArray();
        items.forEach(item -> array.add(toJson.apply(item)));
        boolean hasNext = start + pageSize < matching.size();
        // as Twilio's tokens: PA and the last sid of this page going forward, PB and its first going back
        String nextToken = items.isEmpty() ? null : "PA" + sidOf.apply(items.get(items.size() - 1));
        String previousToken = items.isEmpty() ? null : "PB" + sidOf.apply(items.get(0));
        return new JsonObject()
                .put("end", items.isEmpty() ? start : start + items.size() - 1)
                .put("first_page_uri", uri(listPath, filters, pageSize, 0, null))
                .put("next_page_uri", hasNext ? uri(listPath, filters, pageSize, page + 1, nextToken) : null)
                .put("page", page)
                .put("page_size", pageSize)
                .put("previous_page_uri", page > 0 ? uri(listPath, filters, pageSize, page - 1, previousToken) : null)
                .put(key, array)
                .put("start", start)
                .put("uri", uri(listPath, filters, pageSize, page, null));
    }

    private static String uri(String path, Map<String, String> filters, int pageSize, int page, String token) {
        Map<String, String> params = new LinkedHashMap<>(filters);
        params.put("PageSize", Integer.toString(pageSize));
        params.put("Page", Integer.toString(page));
        if (token != null) {
            params.put("PageToken", token);
        }
        StringBuilder uri = new StringBuilder(path).append('?');
        params.forEach((name, value) -> uri.append(encode(name)).append('=').append(encode(value)).append('&'));
        uri.setLength(uri.length() - 1);
        return uri.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int intParam(MultiMap query, String name, int fallback) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
