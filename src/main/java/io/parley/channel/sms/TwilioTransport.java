package io.parley.channel.sms;

import com.twilio.Twilio;
import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpUtility;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the Twilio SDK's requests to a configurable base URL (the real API, or a simulator) with the JDK HTTP
 * client. It blocks the calling thread, so call the SDK from a worker pool. It never retries: every SDK request is
 * exactly one HTTP request, and retrying is the caller's decision, made with the Retry-After of
 * {@link #getLastResponse()} (kept per thread).
 */
final class TwilioTransport extends HttpClient {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioTransport.class);

    private final URI baseUrl;
    private final Duration timeout;
    private final java.net.http.HttpClient http;
    private final ThreadLocal<Request> lastRequest = new ThreadLocal<>();
    private final ThreadLocal<Response> lastResponse = new ThreadLocal<>();

    TwilioTransport(URI baseUrl, Duration timeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        if (baseUrl.getScheme() == null || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("Twilio base URL must be absolute, e.g. https://api.twilio.com, was '"
                    + baseUrl + "'");
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("Twilio request timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
        this.http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Exactly one attempt: the SDK's own retry loop is bypassed. */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    /** Exactly one attempt, whatever retry codes, count and delay the SDK asks for. */
    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        lastRequest.set(request);
        lastResponse.remove();
        URI target = target(request.constructURL());
        HttpRequest httpRequest = toHttpRequest(request, target);
        try {
            HttpResponse<String> answer = http.send(httpRequest,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Response response = new Response(answer.body(), answer.statusCode(), headersOf(answer));
            lastResponse.set(response);
            LOG.debug("Twilio {} {} answered {}", request.getMethod(), target.getPath(), answer.statusCode());
            return response;
        } catch (IOException e) {
            throw new ApiConnectionException("Twilio request " + request.getMethod() + " " + target
                    + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("Twilio request " + request.getMethod() + " " + target
                    + " was interrupted", e);
        }
    }

    /** The response this thread's latest request got, with its headers (Retry-After among them). */
    @Override
    public Response getLastResponse() {
        return lastResponse.get();
    }

    @Override
    public Request getLastRequest() {
        return lastRequest.get();
    }

    /** How long the API asked this thread to wait before trying again, from the latest response's Retry-After. */
    Optional<Duration> lastRetryAfter() {
        return Optional.ofNullable(lastResponse.get()).flatMap(RetryAfter::of);
    }

    /** The SDK's URL with scheme, host and port taken from the base URL; path and query are kept. */
    URI target(URL sdkUrl) {
        try {
            URI sdk = sdkUrl.toURI();
            String query = sdk.getRawQuery() == null ? "" : "?" + sdk.getRawQuery();
            return new URI(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + sdk.getRawPath() + query);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Twilio SDK built an invalid URL '" + sdkUrl + "'", e);
        }
    }

    private HttpRequest toHttpRequest(Request request, URI target) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Accept-Charset", "utf-8")
                // the SDK's own identification: its version and user agent, as its built-in client sends them
                .header("X-Twilio-Client", "java-" + Twilio.VERSION)
                .header("User-Agent", HttpUtility.getUserAgentString(request.getUserAgentExtensions()));
        if (request.requiresAuthentication()) {
            builder.header("Authorization", request.getAuthString());
        }
        request.getHeaderParams().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        String method = request.getMethod().toString();
        if (hasBody(method)) {
            boolean json = request.getContentType() == EnumConstants.ContentType.JSON;
            String body = json ? request.getBody() : request.encodeFormBody();
            builder.header("Content-Type", json ? "application/json" : "application/x-www-form-urlencoded");
            builder.method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body,
                    StandardCharsets.UTF_8));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private static boolean hasBody(String method) {
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    private static Header[] headersOf(HttpResponse<?> answer) {
        return answer.headers().map().entrySet().stream()
                .filter(entry -> !entry.getKey().startsWith(":"))
                .flatMap(entry -> entry.getValue().stream().map(value -> header(entry, value)))
                .toArray(Header[]::new);
    }

    private static Header header(Map.Entry<String, List<String>> entry, String value) {
        return new BasicHeader(entry.getKey(), value);
    }
}
