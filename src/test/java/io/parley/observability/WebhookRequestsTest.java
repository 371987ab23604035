package io.parley.observability;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WebhookRequestsTest {
    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "/webhooks/twilio/sms/status, twilio_sms_status",
            "/webhooks/twilio/sms/inbound, twilio_sms_inbound",
            "/webhooks/twilio/voice/3f1c2a9e-0000-4000-8000-000000000001/answer, twilio_voice_answer",
            "/webhooks/twilio/voice/3f1c2a9e-0000-4000-8000-000000000001/keys, twilio_voice_keys",
            "/webhooks/twilio/voice/3f1c2a9e-0000-4000-8000-000000000001/status, twilio_voice_status",
            "/webhooks/twilio/voice/3f1c2a9e-0000-4000-8000-000000000001/anything, twilio_voice_other",
            "/webhooks/wechat, wechat",
            "/webhooks/printhouse/events, printhouse_events",
            "/webhooks/case-123/unknown, other",
            "/v1/inbound/email, email_inbound",
            "/optout/c2lnbmVkLXRva2Vu, email_unsubscribe",
            "/v1/enrollments, none",
            "/metrics, none"})
    void eachWebhookPathHasAFixedEndpointName(String path, String endpoint) {
        assertEquals(endpoint, WebhookRequests.endpoint(path));
    }

    @ParameterizedTest
    @CsvSource({"200, accepted", "204, accepted", "302, accepted", "400, bad_request", "401, forged", "403, forged",
            "404, unknown_id", "405, refused", "410, unknown_id", "413, bad_request", "422, bad_request", "429, refused", "500, error", "502, error", "503, unavailable"})
    void theAnswerSaysTheResult(int status, String result) {
        assertEquals(result, WebhookRequests.result(status));
    }
}
