package dev.auditweave.samplespring.auth;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/signup?userId=...&email=...} and
 * {@code POST /api/auth/signup/invited?userId=...&email=...&organizationId=...&role=...}: 409 when the id is taken.
 */
@RestController
@RequestMapping("/api/auth/signup")
public class AuthController {

    private final AuthService auth;
    private final InvitationService invitations;

    public AuthController(AuthService auth, InvitationService invitations) {
        this.auth = auth;
        this.invitations = invitations;
    }

    @PostMapping
    public Account signUp(@RequestParam String userId, @RequestParam String email) {
        return auth.signUp(userId, email);
    }

    @PostMapping("/invited")
    public Account signUpInvited(@RequestParam String userId, @RequestParam String email,
                                 @RequestParam String organizationId,
                                 @RequestParam(defaultValue = "member") String role) {
        return invitations.signUpInvited(userId, email, organizationId, role);
    }
}
