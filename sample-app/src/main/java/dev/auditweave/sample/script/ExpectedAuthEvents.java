package dev.auditweave.sample.script;

import static dev.auditweave.sample.EventTypes.AUTH_SIGNIN;
import static dev.auditweave.sample.EventTypes.AUTH_SIGNUP;
import static dev.auditweave.sample.script.Expected.event;

import java.util.List;

/** The auth events the script expects of a sign-up or a sign-in, with every field the enricher looks up. */
final class ExpectedAuthEvents {

    private ExpectedAuthEvents() {
    }

    /** The auth event of a sign-up: nothing looked up yet but the sign-up's own auth provider. */
    static Expected signUp(String userId, String email, String authMethod, String ip) {
        return authEvent(AUTH_SIGNUP, "signup", userId, email, authMethod, ip).with("signup_ip", ip)
                .with("auth_providers", List.of(authMethod));
    }

    /** The auth event of a sign-in, before what the sign-in re-sends is filled in with {@link Expected#with}. */
    static Expected signIn(String userId, String email, String authMethod, String ip) {
        return authEvent(AUTH_SIGNIN, "signin", userId, email, authMethod, ip);
    }

    private static Expected authEvent(String type, String eventType, String userId, String email, String authMethod,
                                      String ip) {
        return event(type, "kilo_user_id", userId, "event_type", eventType, "email", email,
                "account_created_at", Script.SIGNED_UP_AT, "auth_method", authMethod, "ip_address", ip,
                "user_agent", Script.USER_AGENT, "is_admin", false, "is_blocked", false, "cohorts", List.of(),
                "auth_providers", List.of(), "org_memberships", List.of());
    }
}
