package io.parley.template;

/** A template cannot be rendered for this context, typically because a value it needs was not supplied. */
public class TemplateRenderException extends RuntimeException {

    public TemplateRenderException(String message) {
        super(message);
    }
}
