package dev.auditweave.samplespring.user;

import dev.auditweave.samplespring.web.RowsChanged;
import java.security.Principal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/users/{id}/block?reason=...} and {@code POST /api/users/{id}/unblock}; the actor is the login. */
@RestController
@RequestMapping("/api/users/{userId}")
public class UserController {

    private final UserModerationService moderation;

    public UserController(UserModerationService moderation) {
        this.moderation = moderation;
    }

    @PostMapping("/block")
    public RowsChanged block(@PathVariable String userId, @RequestParam String reason, Principal actor) {
        return new RowsChanged(moderation.block(userId, reason, actor.getName()));
    }

    @PostMapping("/unblock")
    public RowsChanged unblock(@PathVariable String userId, Principal actor) {
        return new RowsChanged(moderation.unblock(userId, actor.getName()));
    }
}
