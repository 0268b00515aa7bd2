package dev.auditweave.samplespring.auth;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.samplespring.EventTypes;
import dev.auditweave.samplespring.user.AppUser;
import dev.auditweave.samplespring.user.UserRepository;
import dev.auditweave.samplespring.web.Conflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-ups. Each successful one is an {@code auth.signup} event (field notes §1: the abuse service's auth event),
 * whose {@code org_memberships} the {@link AuthEventEnricher} looks up off the calling thread, once the transaction
 * the sign-up ran in committed: so it sees what that transaction wrote after this method returned (the membership of
 * an invited user, {@link InvitationService}), and a sign-up whose transaction rolls back is never looked up nor sent.
 * Its {@code ip_address} and {@code user_agent} come from the HTTP request being served ({@code REQUEST}: the client
 * behind the proxies of {@code auditweave.context.trusted-proxies}, and its {@code User-Agent}); {@code null} for a
 * sign-up outside a request.
 */
@Service
@Transactional
public class AuthService {

    private final UserRepository users;

    public AuthService(UserRepository users) {
        this.users = users;
    }

    /** Creates the account; a {@link Conflict} (409, no event) when the id is taken. */
    @EmitsAbuseEvent(type = EventTypes.AUTH_SIGNUP, enrich = AuthEventEnricher.NAME, data = {
            @Field(name = "kilo_user_id", value = "result.id"),
            @Field(name = "event_type", value = "'signup'"),
            @Field(name = "email", value = "result.email"),
            @Field(name = "ip_address", value = "REQUEST.ip"),
            @Field(name = "user_agent", value = "REQUEST.userAgent")})
    public Account signUp(String userId, String email) {
        if (users.existsById(userId)) {
            throw new Conflict("there is an account " + userId + " already");
        }
        users.save(new AppUser(userId, email));
        return new Account(userId, email);
    }
}
