package io.parley.http;

import io.parley.observability.ContactMasking;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Contact addresses as a key that may not see them is shown them, in every answer of the API: enough to tell two apart,
 * not enough to contact anyone. An address is masked by its shape: "+16465550101" becomes "+16*******01",
 * "alex.morgan@example.com" "a***@example.com", a postal line or an account id its first two characters. In JSON the
 * members that hold an address are masked whole; an address inside free text (a reply, a reason) as the logs mask it;
 * identifiers ({@code id}, {@code ...Id}, {@code ...Ref}) are left as they are.
 *
 * <p>The API keys' handler marks a request whose key may not see addresses ({@link #MASKED}); {@link ApiResponse}
 * and the event stream mask what they send for it, so no route decides on its own.
 */
public final class AddressMasking {
    /** The routing context's mark: true when the caller's key may not see contact addresses. */
    public static final String MASKED = "parley.addressesMasked";

    private static final String HIDDEN = "***";
    private static final Pattern PHONE = Pattern.compile("\\+\\d{5,}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*|\\d{1,2}:\\d{2}.*");
    /** Members whose value is always an address. */
    private static final Set<String> ADDRESSES = Set.of("address", "contactAddress", "phone", "email", "openId",
            "recipient");
    /** Members that hold an address on a message's data (it names its channel), a time or a name elsewhere. */
    private static final Set<String> ENDS = Set.of("to", "from");
    /** Members that name something by its identifier: never free text. */
    private static final Pattern IDENTIFIER = Pattern.compile("id|.*(Id|Ref)");

    private AddressMasking() {
    }

    /** Whether the request's key may not see contact addresses. */
    public static boolean applies(RoutingContext ctx) {
        return Boolean.TRUE.equals(ctx.get(MASKED));
    }

    /** The body as the caller may see it: masked when its key may not see addresses, else as it is. */
    public static JsonObject forCaller(RoutingContext ctx, JsonObject body) {
        return body != null && applies(ctx) ? json(body) : body;
    }

    /** One address, masked by its shape. */
    public static String address(String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        if (PHONE.matcher(address).matches()) {
            return address.substring(0, 3) + "*".repeat(address.length() - 5) + address.substring(address.length() - 2);
        }
        if (EMAIL.matcher(address).matches()) {
            int at = address.lastIndexOf('@');
            return at <= 0 ? HIDDEN : address.charAt(0) + HIDDEN + address.substring(at);
        }
        return address.length() <= 2 ? HIDDEN : address.substring(0, 2) + HIDDEN;
    }

    /** A copy of the object with every address in it masked. */
    public static JsonObject json(JsonObject object) {
        JsonObject out = new JsonObject();
        boolean message = object.getValue("channel") instanceof String;
        for (Map.Entry<String, Object> e : object) {
            String key = e.getKey();
            Object value = e.getValue();
            if (ADDRESSES.contains(key) && (value instanceof String || key.equals("address"))) {
                out.put(key, whole(value)); // a postal address may come as its parts
            } else if (ENDS.contains(key) && value instanceof String text && isAddress(text, message)) {
                out.put(key, address(text));
            } else if (value instanceof String && IDENTIFIER.matcher(key).matches()) {
                out.put(key, value); // an id or a provider's reference (an email's Message-ID): no address
            } else {
                out.put(key, within(value));
            }
        }
        return out;
    }

    private static boolean isAddress(String text, boolean message) {
        return PHONE.matcher(text).matches() || EMAIL.matcher(text).matches()
                || message && !text.isEmpty() && !TIME.matcher(text).matches();
    }

    /** A value that is an address throughout: a string, or a postal address's parts. */
    private static Object whole(Object value) {
        if (value instanceof String text) {
            return address(text);
        }
        if (value instanceof JsonObject object) {
            JsonObject out = new JsonObject();
            object.forEach(e -> out.put(e.getKey(), whole(e.getValue())));
            return out;
        }
        if (value instanceof JsonArray array) {
            JsonArray out = new JsonArray();
            array.forEach(v -> out.add(whole(v)));
            return out;
        }
        return value;
    }

    /** A value that may hold addresses: free text is masked where it holds one, objects member by member. */
    private static Object within(Object value) {
        if (value instanceof String text) {
            return ContactMasking.mask(text);
        }
        if (value instanceof JsonObject object) {
            return json(object);
        }
        if (value instanceof JsonArray array) {
            JsonArray out = new JsonArray();
            array.forEach(v -> out.add(within(v)));
            return out;
        }
        return value;
    }
}
