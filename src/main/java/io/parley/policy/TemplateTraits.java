package io.parley.policy;

/** What the policy needs to know about the message: safe for third parties; safe as a voicemail. */
public record TemplateTraits(boolean thirdPartySafe, boolean limitedContent) {
    public static TemplateTraits ordinary() {
        return new TemplateTraits(false, false);
    }
}
