package dev.auditweave.samplespring.org;

import dev.auditweave.samplespring.web.RowsChanged;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT} and {@code DELETE /api/orgs/{organizationId}/members/{userId}}. */
@RestController
@RequestMapping("/api/orgs/{organizationId}/members/{userId}")
public class MembershipController {

    private final MembershipService memberships;

    public MembershipController(MembershipService memberships) {
        this.memberships = memberships;
    }

    @PutMapping
    public MembershipChange add(@PathVariable String organizationId, @PathVariable String userId,
                                @RequestParam(defaultValue = "member") String role) {
        return memberships.addMember(organizationId, userId, role);
    }

    @DeleteMapping
    public RowsChanged remove(@PathVariable String organizationId, @PathVariable String userId) {
        return new RowsChanged(memberships.removeMember(organizationId, userId));
    }
}
