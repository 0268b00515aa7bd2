package dev.auditweave.samplespring.auth;

import dev.auditweave.samplespring.org.Membership;
import dev.auditweave.samplespring.org.MembershipRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-up of a user invited to an organization: the account ({@link AuthService#signUp}, whose event waits for
 * this transaction), then the membership, in one transaction. The membership is written after the annotated method
 * returned, so a look-up made on the calling thread at that moment would not find it; the enricher, run after the
 * commit, does.
 */
@Service
@Transactional
public class InvitationService {

    private final AuthService auth;
    private final MembershipRepository memberships;

    public InvitationService(AuthService auth, MembershipRepository memberships) {
        this.auth = auth;
        this.memberships = memberships;
    }

    /** Signs the user up and makes them a member of {@code organizationId} with {@code role}. */
    public Account signUpInvited(String userId, String email, String organizationId, String role) {
        Account account = auth.signUp(userId, email);
        memberships.save(new Membership(organizationId, userId, role));
        return account;
    }
}
