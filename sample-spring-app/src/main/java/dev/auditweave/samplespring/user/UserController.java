package dev.auditweave.samplespring.user;

import dev.auditweave.samplespring.web.RowsChanged;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/users/{id}}, {@code POST /api/users/{id}/block?reason=...}, {@code POST /api/users/{id}/unblock}
 * (the actor is the login) and {@code PUT /api/users/{id}/display-name?name=...} (409 when the name is taken).
 */
@RestController
@RequestMapping("/api/users/{userId}")
public class UserController {

    private final UserModerationService moderation;
    private final UserProfileService profiles;

    public UserController(UserModerationService moderation, UserProfileService profiles) {
        this.moderation = moderation;
        this.profiles = profiles;
    }

    @GetMapping
    public ResponseEntity<UserView> user(@PathVariable String userId) {
        UserView user = profiles.find(userId);
        return user == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(user);
    }

    @PostMapping("/block")
    public RowsChanged block(@PathVariable String userId, @RequestParam String reason, Principal actor) {
        return new RowsChanged(moderation.block(userId, reason, actor.getName()));
    }

    @PostMapping("/unblock")
    public RowsChanged unblock(@PathVariable String userId, Principal actor) {
        return new RowsChanged(moderation.unblock(userId, actor.getName()));
    }

    @PutMapping("/display-name")
    public Renamed rename(@PathVariable String userId, @RequestParam String name) {
        return new Renamed(profiles.rename(userId, name));
    }

    /** The answer of a rename: whether the name changed. */
    public record Renamed(boolean renamed) {
    }
}
