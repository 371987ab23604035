package io.parley.api;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.parley.http.ApiProblem;
import io.parley.http.FieldError;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * Answers a request the HTTP decoder could not read (before any route runs) as a problem document, like every other
 * refusal: a request line over {@code http.maxRequestLineBytes} is 414, headers over {@code http.maxHeaderBytes}
 * 431, anything else it cannot read (a NUL or a control character in a header, a malformed line) 400. The
 * connection is closed after the answer.
 */
public final class InvalidRequests {
    private static final Logger LOG = LoggerFactory.getLogger(InvalidRequests.class);

    private InvalidRequests() {
    }

    public static Handler<HttpServerRequest> handler(int maxRequestLineBytes, int maxHeaderBytes) {
        return request -> {
            ApiProblem problem = problem(request.decoderResult(), maxRequestLineBytes, maxHeaderBytes);
            LOG.debug("unreadable request refused {}: {}", problem.status(), problem.detail());
            request.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problems.CONTENT_TYPE)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .putHeader(RequestIds.HEADER, UUID.randomUUID().toString())
                    .end(problem.toJson().encode());
        };
    }

    static ApiProblem problem(DecoderResult result, int maxRequestLineBytes, int maxHeaderBytes) {
        Throwable cause = result == null ? null : result.cause();
        String message = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        if (cause instanceof TooLongFrameException && message.contains("line")) {
            return new ApiProblem(414, ApiProblem.type("uri-too-long"), "URI too long",
                    "the request line exceeds the limit of " + maxRequestLineBytes + " bytes",
                    List.of(new FieldError("requestLine", "is longer than " + maxRequestLineBytes + " bytes")));
        }
        if (cause instanceof TooLongFrameException) {
            return new ApiProblem(431, ApiProblem.type("headers-too-large"), "Request header fields too large",
                    "the request headers exceed the limit of " + maxHeaderBytes + " bytes",
                    List.of(new FieldError("headers", "are larger than " + maxHeaderBytes + " bytes together")));
        }
        return ApiProblem.malformed(List.of(new FieldError("headers",
                "could not be read as HTTP/1.1 (a control character such as NUL, or a malformed line)")));
    }
}
