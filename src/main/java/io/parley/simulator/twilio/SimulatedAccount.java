package io.parley.simulator.twilio;

import java.util.List;
import java.util.ArrayList;
import java.util.Collections;

/** The one Twilio account the simulator serves: its resources, what it received, and how it is told to behave. */
final class SimulatedAccount {
    private final String accountSid;
    private final ResourceStore<MessageResource> messages = new ResourceStore<>();
    private final ResourceStore<CallResource> calls = new ResourceStore<>();
    // appended to at every create: a copy-on-write list would copy itself each time (quadratic over a long run)
    private final List<SimulatedMessage> receivedMessages = Collections.synchronizedList(new ArrayList<>());
    private final List<SimulatedCall> receivedCalls = Collections.synchronizedList(new ArrayList<>());
    private final Scenarios scenarios = new Scenarios();
    private final Faults faults = new Faults();
    private final java.util.Map<String, CallTranscript> transcripts = new java.util.concurrent.ConcurrentHashMap<>();

    SimulatedAccount(String accountSid) {
        this.accountSid = accountSid;
    }

    String accountSid() {
        return accountSid;
    }

    ResourceStore<MessageResource> messages() {
        return messages;
    }

    ResourceStore<CallResource> calls() {
        return calls;
    }

    Scenarios scenarios() {
        return scenarios;
    }

    Faults faults() {
        return faults;
    }

    /** The transcript of a call, started when it is first asked for. */
    CallTranscript transcript(String callSid) {
        return transcripts.computeIfAbsent(callSid, sid -> new CallTranscript());
    }

    java.util.Optional<CallTranscript> findTranscript(String callSid) {
        return java.util.Optional.ofNullable(transcripts.get(callSid));
    }

    void received(SimulatedMessage message) {
        receivedMessages.add(message);
    }

    void received(SimulatedCall call) {
        receivedCalls.add(call);
    }

    List<SimulatedMessage> receivedMessages() {
        synchronized (receivedMessages) {
            return List.copyOf(receivedMessages);
        }
    }

    List<SimulatedCall> receivedCalls() {
        synchronized (receivedCalls) {
            return List.copyOf(receivedCalls);
        }
    }

    void reset() {
        messages.clear();
        calls.clear();
        receivedMessages.clear();
        receivedCalls.clear();
        scenarios.clear();
        faults.clear();
        transcripts.clear();
    }
}
