package dev.auditweave.samplespring.web;

/** A change the application refuses because a rule failed: answered 409 (see {@link ConflictAdvice}). */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
