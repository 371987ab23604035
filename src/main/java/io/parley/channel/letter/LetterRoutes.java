package io.parley.channel.letter;

import io.parley.channel.letter.store.LetterRows;
import io.parley.http.AddressMasking;
import io.parley.http.ApiProblem;
import io.parley.http.ApiResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.sqlclient.Pool;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The letters API (behind the same API keys as the rest of /v1): {@code GET /v1/letters/{attemptId}.pdf}, the
 * rendered letter, and {@code GET /v1/letters?batch=2026-12-07}, a print batch and the state of each of its letters.
 */
final class LetterRoutes {
    private static final Pattern BATCH = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private final Pool pool;

    LetterRoutes(Pool pool) {
        this.pool = pool;
    }

    void mount(Router router) {
        router.get("/v1/letters/:file").handler(this::pdf);
        router.get("/v1/letters").handler(this::batch);
    }

    private void pdf(RoutingContext ctx) {
        if (AddressMasking.applies(ctx)) {
            // a PDF cannot be masked, and a letter shows its recipient's postal address
            ctx.fail(ApiProblem.forbidden("this key may not see contact addresses, and a letter shows its "
                    + "recipient's postal address"));
            return;
        }
        String file = ctx.pathParam("file");
        UUID id;
        try {
            id = UUID.fromString(file.endsWith(".pdf") ? file.substring(0, file.length() - 4) : "");
        } catch (IllegalArgumentException e) {
            ctx.fail(new HttpException(404, "no letter '" + file + "' (expected /v1/letters/{attemptId}.pdf)"));
            return;
        }
        LetterRows.pdf(pool, id).onSuccess(pdf -> {
            if (pdf.isEmpty()) {
                ctx.fail(new HttpException(404, "no letter " + id));
                return;
            }
            ctx.response().putHeader("Content-Type", "application/pdf")
                    .putHeader("Content-Disposition", "inline; filename=\"" + id + ".pdf\"")
                    .end(io.vertx.core.buffer.Buffer.buffer(pdf.get()));
        }).onFailure(ctx::fail);
    }

    private void batch(RoutingContext ctx) {
        String batch = ctx.queryParams().get("batch");
        if (batch == null || !BATCH.matcher(batch).matches()) {
            ctx.fail(new HttpException(400, "batch: required, the print day of the batch (YYYY-MM-DD)"));
            return;
        }
        LetterRows.batch(pool, batch).onSuccess(found -> {
            if (found.isEmpty()) {
                ctx.fail(new HttpException(404, "no print batch " + batch));
                return;
            }
            new ApiResponse(200, found.get()).send(ctx);
        }).onFailure(ctx::fail);
    }
}
