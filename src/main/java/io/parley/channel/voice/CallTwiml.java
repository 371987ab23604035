package io.parley.channel.voice;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Say;
import io.parley.channel.voice.flow.Turn;

/**
 * A turn of the call flow as the TwiML Twilio executes: each statement said, then a question (a Gather of one key,
 * or of keys ended by #, whose prompts are read while it listens, followed by a Redirect for when nothing is
 * keyed), a transfer (Dial, with an action for when it ends), or a short pause and a hang-up.
 */
final class CallTwiml {
    private CallTwiml() {
    }

    /** How the call speaks: the script's voice (null = Twilio's default) and language. */
    record Speech(String voice, String language) {
    }

    /**
     * The webhooks this turn's TwiML names.
     *
     * @param keys    where keys pressed in answer are posted (the Gather's action)
     * @param silence where the call goes when nothing was keyed (the Redirect after the Gather)
     * @param dialed  where the call goes when a transfer ends (the Dial's action)
     */
    record Links(String keys, String silence, String dialed) {
    }

    static String render(Turn turn, Speech speech, Links links, int listenSeconds) {
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        turn.said().forEach(text -> response.say(say(text, speech)));
        if (turn.next() instanceof Turn.Ask ask) {
            Gather.Builder gather = new Gather.Builder().inputs(Gather.Input.DTMF).action(links.keys())
                    .method(HttpMethod.POST).timeout(listenSeconds);
            if (ask.untilPound()) {
                gather.finishOnKey("#");
            } else {
                gather.numDigits(1);
            }
            ask.prompts().forEach(text -> gather.say(say(text, speech)));
            response.gather(gather.build());
            response.redirect(new Redirect.Builder(links.silence()).method(HttpMethod.POST).build());
        } else if (turn.next() instanceof Turn.Transfer transfer) {
            response.dial(new Dial.Builder().action(links.dialed()).method(HttpMethod.POST)
                    .number(transfer.number()).build());
        } else {
            if (!turn.said().isEmpty()) {
                response.pause(new Pause.Builder().length(1).build());
            }
            response.hangup(new Hangup.Builder().build());
        }
        return xml(response.build());
    }

    /** Ends the call at once: for a request about a call the service does not know. */
    static String hangUp() {
        return xml(new VoiceResponse.Builder().hangup(new Hangup.Builder().build()).build());
    }

    private static Say say(String text, Speech speech) {
        Say.Builder say = new Say.Builder(text);
        if (speech.voice() != null) {
            say.option("voice", speech.voice());
        }
        return say.option("language", speech.language()).build();
    }

    private static String xml(VoiceResponse response) {
        try {
            return response.toXml();
        } catch (TwiMLException e) {
            throw new IllegalStateException("TwiML could not be written", e);
        }
    }
}
