package dev.auditweave.samplespring.tx;

import dev.auditweave.samplespring.auth.InvitationService;
import dev.auditweave.samplespring.user.RenameRequests;
import dev.auditweave.samplespring.user.UserProfileService;
import dev.auditweave.samplespring.user.UserRepository;
import dev.auditweave.samplespring.web.Conflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Outer service methods whose transaction does not commit after an annotated method returned inside it: the
 * phantom events of bug class 3 (shared/field-notes.md). Each joins the annotated call to its own transaction and
 * then rolls it back, by throwing (a rule checked after the change, as in the field notes' {@code user.deleted}) or
 * by marking it rollback-only. The events of {@code AFTER_COMMIT} sites must not leave; those of a
 * {@code REQUIRES_NEW} transaction that committed, and {@code IMMEDIATE} ones, do.
 */
@Service
@Transactional
public class TransactionOutcomeService {

    private final UserProfileService profiles;
    private final UserRepository users;
    private final RenameRequests renameRequests;
    private final InvitationService invitations;

    public TransactionOutcomeService(UserProfileService profiles, UserRepository users,
                                     RenameRequests renameRequests, InvitationService invitations) {
        this.profiles = profiles;
        this.users = users;
        this.renameRequests = renameRequests;
        this.invitations = invitations;
    }

    /** Renames, then a later rule fails: the transaction rolls back, the rename's event with it. */
    public void renameThenFail(String userId, String displayName) {
        profiles.rename(userId, displayName);
        throw new Conflict("renamed " + userId + ", then a later rule failed: rolled back");
    }

    /** Renames, then marks the transaction rollback-only and returns normally: nothing is committed. */
    public boolean renameThenSetRollbackOnly(String userId, String displayName) {
        boolean renamed = profiles.rename(userId, displayName);
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return renamed;
    }

    /**
     * Renames {@code userId} in this transaction and {@code otherUserId} in one of its own ({@code REQUIRES_NEW}),
     * which commits; then fails, so that only the first rename rolls back.
     */
    public void renameBothThenFail(String userId, String displayName, String otherUserId, String otherDisplayName) {
        profiles.rename(userId, displayName);
        profiles.renameInOwnTransaction(otherUserId, otherDisplayName);
        throw new Conflict("renamed " + otherUserId + " in a transaction of its own, then failed: " + userId
                + "'s rename rolled back");
    }

    /** Accepts a rename request ({@code IMMEDIATE} event), renames, then fails: the rename rolls back. */
    public void requestRenameThenFail(String userId, String requestedName) {
        profiles.rename(userId, renameRequests.accept(userId, requestedName));
        throw new Conflict("rename of " + userId + " requested and done, then a later rule failed: rolled back");
    }

    /**
     * Blocks the user through the repository interface method (its event is declared there), then fails: the
     * block rolls back.
     */
    public void blockThenFail(String userId, String reason, String actorEmail) {
        users.blockUser(userId, reason, actorEmail);
        throw new Conflict("blocked " + userId + ", then a later rule failed: rolled back");
    }

    /**
     * Signs up an invited user (the account and the membership), then fails: nothing is committed, so the sign-up's
     * event is neither enriched nor sent.
     */
    public void signUpInvitedThenFail(String userId, String email, String organizationId, String role) {
        invitations.signUpInvited(userId, email, organizationId, role);
        throw new Conflict("signed up " + userId + ", then a later rule failed: rolled back");
    }
}
