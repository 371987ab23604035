package io.parley.simulator.wechat;

/**
 * One push to the account's server as it ended: the XML pushed (before sealing), the last HTTP status (0 when no
 * try got an answer), the answer's body, the passive reply's XML (opened when sealed; empty for none) and how many
 * tries it took.
 */
public record Push(String xml, int status, String body, String reply, int tries) {

    /** The passive reply's text, empty when the answer was "success" or empty. */
    public String replyText() {
        return reply.isEmpty() ? "" : XmlFields.read(reply, "Content").orElse("");
    }
}
