package io.parley.channel.voice.flow;

import io.parley.template.CallScript;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The call flow: from where a call stands and what the callee did (answered, pressed keys, said nothing), what
 * the call says and does next. Nothing about the account is said before the right party is verified (1, and the
 * second factor when asked); the pack's disclosure comes right after; then the menu: 1 balance, 2 promise to pay
 * (amount, then date, read back and confirmed), 3 an agent, 9 no more calls to this number. No input or a wrong
 * key is asked again once, then the call says goodbye. Pure: time comes with the keys.
 */
public final class CallFlow {
    private static final Pattern AMOUNT = Pattern.compile("0*[1-9][0-9]{0,6}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final CallScript script;
    private final CallRules rules;
    private final Prompts prompts;

    public CallFlow(CallScript script, CallRules rules) {
        this.script = Objects.requireNonNull(script, "script");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.prompts = new Prompts(script);
    }

    /** The call was answered: a person is asked who they are; a machine gets the voicemail, or nothing. */
    public Turn answered(CallState s, String answeredBy) {
        CallState who = s.answered(answeredBy);
        if (!who.machine()) {
            return prompts.ask(who.at(CallStage.IDENTIFY, 0), List.of(), List.of());
        }
        if ("fax".equals(answeredBy)) {
            return end(who, List.of(), FlowEvent.of(FlowEvent.MACHINE, "answeredBy", answeredBy, "voicemail", false,
                    "reason", "a fax machine answered"));
        }
        if (rules.leavesVoicemail()) {
            return end(who.with(CallState.Fact.VOICEMAIL_LEFT), List.of(rules.voicemail()), FlowEvent.of(FlowEvent.MACHINE,
                    "answeredBy", answeredBy, "voicemail", true, "rule", rules.voicemailRule()));
        }
        String reason = rules.voicemail() == null ? "the step leaves no voicemail"
                : "the rule packs allow no voicemail (" + rules.voicemailRule() + ")";
        return end(who, List.of(), FlowEvent.of(FlowEvent.MACHINE, "answeredBy", answeredBy, "voicemail", false,
                "reason", reason));
    }

    /** The callee keyed digits (without the closing #) in answer to the last question. */
    public Turn keys(CallState s, String keyed, Instant now) {
        String digits = keyed == null ? "" : keyed.replaceAll("#+$", "").trim();
        return switch (s.stage()) {
            case IDENTIFY -> switch (digits) {
                case "1" -> identified(s);
                case "2" -> end(s.with(CallState.Fact.THIRD_PARTY), saidThenGoodbye(script.prompt(CallScript.THIRD_PARTY).orElse(null)),
                        FlowEvent.of(FlowEvent.THIRD_PARTY, "messageLeft", script.prompt(CallScript.THIRD_PARTY)
                                .isPresent()));
                default -> miss(s, digits, null);
            };
            case SECOND_FACTOR -> digits.equals(script.secondFactorAnswer()) ? verified(s, true)
                    : miss(s, digits, "does not match");
            case MENU -> menu(s, digits);
            case PROMISE_AMOUNT -> AMOUNT.matcher(digits).matches()
                    ? prompts.ask(s.withPromise(new BigDecimal(digits), null)
                    .at(CallStage.PROMISE_DATE, 0), List.of(), List.of())
                    : miss(s, digits, "is not an amount in whole units");
            case PROMISE_DATE -> date(s, digits, now);
            case PROMISE_CONFIRM -> switch (digits) {
                case "1" -> end(s.with(CallState.Fact.PROMISED),
                        saidThenGoodbye(script.required(CallScript.PROMISE_RECORDED)),
                        FlowEvent.of(FlowEvent.PROMISE, "amount", s.amount().toPlainString(),
                                "date", s.date().toString()));
                case "2" -> prompts.ask(s.withPromise(null, null).at(CallStage.PROMISE_AMOUNT, 0),
                        List.of(), List.of());
                default -> miss(s, digits, null);
            };
            case DIALLING, TRANSFERRED, ENDED -> end(s, List.of());
        };
    }

    /** The callee said nothing before the question timed out. */
    public Turn silence(CallState s) {
        if (s.ended() || s.stage() == CallStage.DIALLING) {
            return end(s, List.of());
        }
        return miss(s, null, null);
    }

    /** The transfer to an agent ended: the call ends too. */
    public Turn transferEnded(CallState s) {
        return new Turn(s.at(CallStage.ENDED, 0), List.of(), new Turn.HangUp(), List.of());
    }

    /** The callee hung up before the flow ended: where it stood, for the timeline; empty when it had ended. */
    public static java.util.Optional<FlowEvent> hungUp(CallState s) {
        if (s.ended() || s.stage() == CallStage.DIALLING) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(FlowEvent.of(FlowEvent.HUNG_UP, "stage", s.stage().name().toLowerCase(
                java.util.Locale.ROOT)));
    }

    private Turn identified(CallState s) {
        if (!rules.secondFactor() && !script.asksSecondFactor()) {
            return verified(s, false);
        }
        if (script.asksSecondFactor()) {
            return prompts.ask(s.at(CallStage.SECOND_FACTOR, 0), List.of(), List.of());
        }
        return unverified(s, "the rule packs require a second factor and neither the template nor the enrollment "
                + "gives one");
    }

    private Turn verified(CallState s, boolean secondFactor) {
        List<String> said = new ArrayList<>();
        List<FlowEvent> events = new ArrayList<>();
        events.add(FlowEvent.of(FlowEvent.VERIFIED, "secondFactor", secondFactor));
        if (rules.disclosure()) {
            said.add(script.required(CallScript.DISCLOSURE));
            events.add(FlowEvent.of(FlowEvent.DISCLOSURE, "text", script.required(CallScript.DISCLOSURE)));
        }
        return prompts.ask(s.with(CallState.Fact.VERIFIED).at(CallStage.MENU, 0), said, events);
    }

    private Turn unverified(CallState s, String reason) {
        return end(s.with(CallState.Fact.UNVERIFIED), saidThenGoodbye(script.prompt(CallScript.UNVERIFIED).orElse(null)),
                FlowEvent.of(FlowEvent.UNVERIFIED, "reason", reason));
    }

    private Turn menu(CallState s, String digits) {
        return switch (digits) {
            case "1" -> prompts.ask(s.at(CallStage.MENU, 0), List.of(script.required(CallScript.BALANCE)),
                    List.of(FlowEvent.of(FlowEvent.BALANCE)));
            case "2" -> prompts.ask(s.at(CallStage.PROMISE_AMOUNT, 0), List.of(), List.of());
            case "3" -> rules.agentNumber() == null ? miss(s, digits, "no agent can take calls")
                    : new Turn(s.with(CallState.Fact.TRANSFERRED).at(CallStage.TRANSFERRED, 0),
                    script.prompt(CallScript.TRANSFER).map(List::of).orElse(List.of()),
                    new Turn.Transfer(rules.agentNumber()),
                    List.of(FlowEvent.of(FlowEvent.TRANSFERRED, "to", rules.agentNumber())));
            case "9" -> end(s.with(CallState.Fact.OPTED_OUT), saidThenGoodbye(script.required(CallScript.OPTED_OUT)),
                    FlowEvent.of(FlowEvent.OPTED_OUT));
            default -> miss(s, digits, null);
        };
    }

    private Turn date(CallState s, String digits, Instant now) {
        LocalDate date;
        try {
            date = LocalDate.parse(digits, DATE);
        } catch (DateTimeParseException e) {
            return miss(s, digits, "is not a date as YYYYMMDD");
        }
        LocalDate today = LocalDate.ofInstant(now, rules.zone());
        LocalDate latest = today.plusDays(rules.promiseWithinDays());
        if (date.isBefore(today) || date.isAfter(latest)) {
            String why = date.isBefore(today) ? "is in the past (today is " + today + ")"
                    : "is after " + latest + ", the latest date the rule packs accept";
            return refused(s, digits, why, script.prompt(CallScript.DATE_REFUSED)
                    .orElse(script.required(CallScript.INVALID)));
        }
        return prompts.ask(s.withPromise(s.amount(), date).at(CallStage.PROMISE_CONFIRM, 0), List.of(),
                List.of());
    }

    /** No input (keys null) or keys that are not an answer: asked again once, then goodbye. */
    private Turn miss(CallState s, String keys, String why) {
        if (keys == null) {
            return again(s, script.required(CallScript.NO_INPUT), FlowEvent.of(FlowEvent.NO_INPUT, "stage",
                    stage(s)));
        }
        return refused(s, keys, why == null ? "is not one of the choices" : why, script.required(CallScript.INVALID));
    }

    private Turn refused(CallState s, String keys, String why, String sorry) {
        return again(s, sorry, FlowEvent.of(FlowEvent.INPUT_REFUSED, "stage", stage(s), "keys", keys,
                "reason", "'" + keys + "' " + why));
    }

    private Turn again(CallState s, String sorry, FlowEvent event) {
        int misses = s.misses() + 1;
        if (misses < 2) {
            return prompts.ask(s.at(s.stage(), misses), List.of(sorry), List.of(event));
        }
        FlowEvent gaveUp = FlowEvent.of(FlowEvent.GAVE_UP, "stage", stage(s));
        if (s.stage() == CallStage.SECOND_FACTOR) {
            Turn ending = unverified(s, "no matching second factor after two tries");
            return new Turn(ending.state(), prepend(sorry, ending.said()), ending.next(),
                    List.of(event, gaveUp, ending.events().get(0)));
        }
        return end(s, List.of(sorry, script.required(CallScript.GOODBYE)), event, gaveUp);
    }

    private List<String> saidThenGoodbye(String first) {
        return first == null ? List.of(script.required(CallScript.GOODBYE))
                : List.of(first, script.required(CallScript.GOODBYE));
    }

    private static Turn end(CallState s, List<String> said, FlowEvent... events) {
        return new Turn(s.at(CallStage.ENDED, 0), said, new Turn.HangUp(), List.of(events));
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String stage(CallState s) {
        return s.stage().name().toLowerCase(java.util.Locale.ROOT);
    }
}
