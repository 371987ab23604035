package io.parley.api;

import io.parley.enrollment.BulkEnroller;
import io.parley.enrollment.IdempotencyKey;
import io.parley.http.ApiProblem;
import io.parley.http.ApiResponse;
import io.parley.http.FieldError;
import io.parley.store.CanonicalJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * POST /v1/enrollments/batch: up to 1,000 enrolments in one request, as a JSON array or as NDJSON (one object per
 * line), each the body of POST /v1/enrollments plus its own optional {@code idempotencyKey}. Answers 200 with one
 * result per item, in order: 201 and the enrollment, or the item's own problem (400, 409, 422).
 */
public final class EnrollmentBatchRoutes {
    /** The largest batch body accepted, whatever http.maxBodyBytes says of single requests. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    public static final String PATH = "/v1/enrollments/batch";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final BulkEnroller enroller;

    public EnrollmentBatchRoutes(BulkEnroller enroller) {
        this.enroller = enroller;
    }

    /** A batch as read: the items that could be read, and the problems of those that could not, by index. */
    private record Batch(List<BulkEnroller.Item> items, Map<Integer, ApiProblem> unreadable) {
    }

    public void mount(ApiRouter api) {
        api.operation("createEnrollments", EnrollmentBatchRoutes::read, this::enroll);
    }

    private static Batch read(RoutingContext ctx) {
        List<Object> raw = items(ctx);
        String principal = ApiKeys.principal(ctx).name();
        List<BulkEnroller.Item> items = new ArrayList<>(raw.size());
        Map<Integer, ApiProblem> unreadable = new TreeMap<>();
        for (int i = 0; i < raw.size(); i++) {
            try {
                items.add(item(i, raw.get(i), principal));
            } catch (ApiProblem problem) {
                unreadable.put(i, problem);
            }
        }
        return new Batch(items, unreadable);
    }

    private void enroll(RoutingContext ctx, Batch batch) {
        enroller.enroll(batch.items()).onSuccess(results -> {
            Map<Integer, JsonObject> answers = new TreeMap<>();
            batch.unreadable().forEach((i, problem) -> answers.put(i, answer(i, problem.status(), "problem",
                    problem.toJson())));
            int created = 0;
            for (BulkEnroller.Result r : results) {
                if (r.refusal() == null) {
                    created++;
                    answers.put(r.index(), answer(r.index(), 201, "enrollment", r.enrolled().toJson()));
                } else {
                    ApiProblem problem = Problems.of(r.refusal());
                    answers.put(r.index(), answer(r.index(), problem.status(), "problem", problem.toJson()));
                }
            }
            new ApiResponse(200, new JsonObject().put("created", created).put("refused", answers.size() - created)
                    .put("results", new JsonArray(new ArrayList<>(answers.values())))).send(ctx);
        }).onFailure(ctx::fail);
    }

    private static JsonObject answer(int index, int status, String member, JsonObject body) {
        return new JsonObject().put("index", index).put("status", status).put(member, body);
    }

    private static BulkEnroller.Item item(int index, Object value, String principal) {
        if (!(value instanceof JsonObject body)) {
            throw ApiProblem.malformed("item " + index + " is not a JSON object");
        }
        // the item is this request's own parse of the body: taken apart in place, not copied
        JsonObject request = body;
        Object key = request.remove("idempotencyKey");
        if (key != null && !(key instanceof String s && KEY.matcher(s).matches())) {
            throw ApiProblem.malformed(List.of(new FieldError("idempotencyKey",
                    "must be 1-255 visible ASCII characters")));
        }
        return new BulkEnroller.Item(index, EnrollmentReader.parse(request), key == null ? null
                : new IdempotencyKey(principal, (String) key, CanonicalJson.sha256(request)));
    }

    /** The items of a JSON array or of NDJSON lines (blank lines skipped); 1 to 1,000 of them. */
    private static List<Object> items(RoutingContext ctx) {
        String type = String.valueOf(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)).split(";", 2)[0].strip()
                .toLowerCase(Locale.ROOT);
        Buffer body = ctx.body().buffer();
        String text = body == null ? "" : body.toString().strip();
        List<Object> items = new ArrayList<>();
        if (type.equals("application/x-ndjson") || type.equals("application/jsonl")) {
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    items.add(line.startsWith("{") ? new JsonObject(line) : line);
                } catch (DecodeException e) {
                    items.add("line " + (i + 1) + " is not JSON");
                }
            }
        } else if (JsonBody.isJson(type)) {
            try {
                JsonArray array = new JsonArray(text);
                array.forEach(items::add);
            } catch (DecodeException | ClassCastException e) {
                throw ApiProblem.malformed("the request body must be a JSON array of enrollments");
            }
        } else {
            throw new ApiProblem(415, ApiProblem.type("unsupported-media-type"), "Unsupported media type",
                    "the request body must be application/json (an array) or application/x-ndjson", List.of());
        }
        if (items.isEmpty() || items.size() > BulkEnroller.MAX_ITEMS) {
            throw ApiProblem.validation(List.of(new FieldError("items", "a batch holds 1 to "
                    + BulkEnroller.MAX_ITEMS + " enrollments, this one " + items.size())));
        }
        return items;
    }
}
