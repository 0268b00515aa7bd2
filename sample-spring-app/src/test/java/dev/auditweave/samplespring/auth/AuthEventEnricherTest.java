package dev.auditweave.samplespring.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.samplespring.org.Membership;
import dev.auditweave.samplespring.org.MembershipRepository;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthEventEnricherTest {

    private final List<String> lookedUp = new ArrayList<>();

    @Test
    void name_isTheOneAnnotationsGive() {
        assertThat(new AuthEventEnricher(memberships(List.of())).name()).isEqualTo(AuthEventEnricher.NAME)
                .isEqualTo("auth-context");
    }

    @Test
    void enrich_listsTheUsersMembershipsAsOrgMembershipEntries() {
        AuthEventEnricher enricher = new AuthEventEnricher(memberships(List.of(
                new Membership("org-1", "u-5", "owner"), new Membership("org-2", "u-5", null))));

        Map<String, ?> added = enricher.enrich("auth.signup", Map.of("kilo_user_id", "u-5"));

        assertThat(lookedUp).containsExactly("u-5");
        assertThat(added).isEqualTo(Map.of("org_memberships", List.of(
                Map.of("organization_id", "org-1", "role", "owner"),
                Map.of("organization_id", "org-2"))));
    }

    @Test
    void enrich_noMemberships_anEmptyList() {
        Map<String, ?> added = new AuthEventEnricher(memberships(List.of()))
                .enrich("auth.signup", Map.of("kilo_user_id", "u-9"));

        assertThat(added).isEqualTo(Map.of("org_memberships", List.of()));
    }

    @Test
    void enrich_withoutAUserId_namesTheEventAndTheFieldsItHas() {
        AuthEventEnricher enricher = new AuthEventEnricher(memberships(List.of()));

        assertThatThrownBy(() -> enricher.enrich("auth.signup", Map.of("email", "x@example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event auth.signup has no kilo_user_id to look up memberships of; it has [email]");
        assertThat(lookedUp).isEmpty();
    }

    /** A repository whose only method used here answers {@code found}, recording the user looked up. */
    private MembershipRepository memberships(List<Membership> found) {
        return (MembershipRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MembershipRepository.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("findByUserIdOrderByOrganizationId")) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    lookedUp.add((String) args[0]);
                    return found;
                });
    }
}
