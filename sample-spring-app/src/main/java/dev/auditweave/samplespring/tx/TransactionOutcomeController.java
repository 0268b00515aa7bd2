package dev.auditweave.samplespring.tx;

import dev.auditweave.samplespring.user.UserController.Renamed;
import java.security.Principal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transactions of {@link TransactionOutcomeService} over HTTP, under {@code /api/tx/users/{userId}}: each
 * {@code ...-then-fail} answers 409 once its transaction rolled back; {@code rename-then-rollback-only} answers 200.
 */
@RestController
@RequestMapping("/api/tx/users/{userId}")
public class TransactionOutcomeController {

    private final TransactionOutcomeService outcomes;

    public TransactionOutcomeController(TransactionOutcomeService outcomes) {
        this.outcomes = outcomes;
    }

    @PostMapping("/rename-then-fail")
    public void renameThenFail(@PathVariable String userId, @RequestParam String name) {
        outcomes.renameThenFail(userId, name);
    }

    @PostMapping("/rename-then-rollback-only")
    public Renamed renameThenSetRollbackOnly(@PathVariable String userId, @RequestParam String name) {
        return new Renamed(outcomes.renameThenSetRollbackOnly(userId, name));
    }

    @PostMapping("/rename-both-then-fail")
    public void renameBothThenFail(@PathVariable String userId, @RequestParam String name,
                                   @RequestParam String otherUser, @RequestParam String otherName) {
        outcomes.renameBothThenFail(userId, name, otherUser, otherName);
    }

    @PostMapping("/request-rename-then-fail")
    public void requestRenameThenFail(@PathVariable String userId, @RequestParam String name) {
        outcomes.requestRenameThenFail(userId, name);
    }

    @PostMapping("/block-then-fail")
    public void blockThenFail(@PathVariable String userId, @RequestParam String reason, Principal actor) {
        outcomes.blockThenFail(userId, reason, actor.getName());
    }

    @PostMapping("/sign-up-invited-then-fail")
    public void signUpInvitedThenFail(@PathVariable String userId, @RequestParam String email,
                                      @RequestParam String organizationId,
                                      @RequestParam(defaultValue = "member") String role) {
        outcomes.signUpInvitedThenFail(userId, email, organizationId, role);
    }
}
