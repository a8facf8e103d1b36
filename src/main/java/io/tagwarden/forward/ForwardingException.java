package io.tagwarden.forward;

/** This conversion cannot be delivered to this vendor (missing identifiers, an unusable setting): rejected, not retried. */
public class ForwardingException extends RuntimeException {
    public ForwardingException(String message) {
        super(message);
    }
}
