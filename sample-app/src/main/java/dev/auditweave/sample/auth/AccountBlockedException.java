package dev.auditweave.sample.auth;

/** A sign-in refused because the account is blocked; the message is the reason it was blocked. */
public class AccountBlockedException extends Exception {

    private static final long serialVersionUID = 1L;

    public AccountBlockedException(String reason) {
        super(reason);
    }
}
