package io.parley.channel.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.channel.voice.flow.CallState;
import io.parley.channel.voice.flow.Turn;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Turns of the call flow as TwiML. */
class CallTwimlTest {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private static final CallTwiml.Speech EN = new CallTwiml.Speech("Polly.Joanna", "en-US");
    private static final CallTwiml.Links LINKS = new CallTwiml.Links("https://p.example/k?turn=1",
            "https://p.example/k?turn=1&silence=1", "https://p.example/d");

    @Test
    void aQuestionListensForOneKeyWhileItsPromptIsReadAndRedirectsWhenNothingComes() {
        Turn turn = new Turn(CallState.dialling(), List.of("This is Acme & Co."),
                new Turn.Ask(List.of("Press 1 or 2."), false), List.of());
        assertEquals(HEAD + "<Response><Say language=\"en-US\" voice=\"Polly.Joanna\">This is Acme &amp; Co.</Say>"
                + "<Gather action=\"https://p.example/k?turn=1\" input=\"dtmf\" method=\"POST\" numDigits=\"1\" "
                + "timeout=\"6\"><Say language=\"en-US\" voice=\"Polly.Joanna\">Press 1 or 2.</Say></Gather>"
                + "<Redirect method=\"POST\">https://p.example/k?turn=1&amp;silence=1</Redirect></Response>",
                CallTwiml.render(turn, EN, LINKS, 6));
    }

    @Test
    void keysEndedByPoundAreGatheredUntilPound() {
        Turn turn = new Turn(CallState.dialling(), List.of(), new Turn.Ask(List.of("Amount, then pound."), true),
                List.of());
        assertEquals(HEAD + "<Response><Gather action=\"https://p.example/k?turn=1\" finishOnKey=\"#\" "
                + "input=\"dtmf\" method=\"POST\" timeout=\"6\"><Say language=\"zh-CN\">Amount, then pound.</Say>"
                + "</Gather><Redirect method=\"POST\">https://p.example/k?turn=1&amp;silence=1</Redirect></Response>",
                CallTwiml.render(turn, new CallTwiml.Speech(null, "zh-CN"), LINKS, 6));
    }

    @Test
    void aTransferDialsTheAgentAndComesBackWhenItEnds() {
        Turn turn = new Turn(CallState.dialling(), List.of("Please hold."), new Turn.Transfer("+18005550100"),
                List.of());
        assertEquals(HEAD + "<Response><Say language=\"en-US\" voice=\"Polly.Joanna\">Please hold.</Say>"
                + "<Dial action=\"https://p.example/d\" method=\"POST\">+18005550100</Dial></Response>",
                CallTwiml.render(turn, EN, LINKS, 6));
    }

    @Test
    void theEndPausesAfterTheLastWordsAndHangsUp() {
        Turn goodbye = new Turn(CallState.dialling(), List.of("Goodbye."), new Turn.HangUp(), List.of());
        assertEquals(HEAD + "<Response><Say language=\"en-US\" voice=\"Polly.Joanna\">Goodbye.</Say>"
                + "<Pause length=\"1\"/><Hangup/></Response>", CallTwiml.render(goodbye, EN, LINKS, 6));
        assertEquals(HEAD + "<Response><Hangup/></Response>", CallTwiml.hangUp());
    }
}
