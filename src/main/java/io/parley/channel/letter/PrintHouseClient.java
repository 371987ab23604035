package io.parley.channel.letter;

import io.parley.channel.letter.store.LetterRows.BatchLetter;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * A print house over HTTP: {@code PUT <url>/v1/batches/<batch>/letters/<letter id>} with each PDF (header
 * {@code Letter-Sha256}), then {@code POST <url>/v1/batches/<batch>} with the manifest (text/csv), each signed
 * ({@link PrintHouseSignature}). Both are idempotent on the print house's side, so a batch can be sent again.
 */
final class PrintHouseClient implements PrintDestination {
    private final WebClient http;
    private final String baseUrl;
    private final PrintHouseSignature signature;
    private final Clock clock;

    PrintHouseClient(WebClient http, String baseUrl, PrintHouseSignature signature, Clock clock) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.signature = signature;
        this.clock = clock;
    }

    @Override
    public String describe() {
        return baseUrl;
    }

    @Override
    public Future<Void> letter(String batch, BatchLetter letter) {
        return send(HttpMethod.PUT, "/v1/batches/" + batch + "/letters/" + letter.attemptId(), "application/pdf",
                letter.pdf(), letter.sha256());
    }

    @Override
    public Future<Void> complete(String batch, String manifestCsv) {
        return send(HttpMethod.POST, "/v1/batches/" + batch, "text/csv; charset=utf-8",
                manifestCsv.getBytes(StandardCharsets.UTF_8), null);
    }

    private Future<Void> send(HttpMethod method, String path, String type, byte[] body, String sha256) {
        var request = http.requestAbs(method, baseUrl + path).putHeader("Content-Type", type)
                .putHeader(PrintHouseSignature.HEADER, signature.sign(body, clock.instant()));
        if (sha256 != null) {
            request.putHeader("Letter-Sha256", sha256);
        }
        return request.sendBuffer(Buffer.buffer(body)).compose(PrintHouseClient::accepted);
    }

    private static Future<Void> accepted(HttpResponse<Buffer> response) {
        if (response.statusCode() / 100 == 2) {
            return Future.succeededFuture();
        }
        return Future.failedFuture(new IllegalStateException("the print house answered " + response.statusCode()
                + ": " + response.bodyAsString()));
    }
}
