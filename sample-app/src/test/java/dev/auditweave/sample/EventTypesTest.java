package dev.auditweave.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.sample.auth.AuthService;
import dev.auditweave.sample.script.Script;
import dev.auditweave.sample.stripe.StripeWebhookHandler;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The coverage audit of field notes §2: every declared kind has an emit site and is expected by the script. */
class EventTypesTest {

    private static final List<Class<?>> SERVICES = List.of(UserService.class, UserRecords.class,
            OrganizationService.class, BillingService.class, KiloPassService.class, SubscriptionService.class,
            OnboardingService.class, StripeWebhookHandler.class, AuthService.class, DownloadService.class);

    @Test
    void everyEmitSiteUsesADeclaredTypeAndEveryDeclaredTypeIsEmitted() {
        Set<String> emitted = SERVICES.stream()
                .flatMap(service -> Arrays.stream(service.getDeclaredMethods()))
                .flatMap(method -> Arrays.stream(method.getAnnotationsByType(EmitsAbuseEvent.class)))
                .map(EmitsAbuseEvent::type)
                .collect(Collectors.toSet());

        assertThat(emitted).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
    }

    @Test
    void theAbuseServiceHasTheSeventeenTypesOfTheFieldNotes() {
        assertThat(EventTypes.ABUSE_SERVICE).hasSize(17).doesNotHaveDuplicates();
        assertThat(EventTypes.AUTH_EVENTS).containsExactly(EventTypes.AUTH_SIGNUP, EventTypes.AUTH_SIGNIN);
        assertThat(EventTypes.ALL).containsAll(EventTypes.ABUSE_SERVICE).containsAll(EventTypes.AUTH_EVENTS)
                .containsAll(EventTypes.AUDIT_LOG_ONLY)
                .doesNotHaveDuplicates()
                .hasSize(EventTypes.ABUSE_SERVICE.size() + EventTypes.AUTH_EVENTS.size()
                        + EventTypes.AUDIT_LOG_ONLY.size());
    }

    @Test
    void theScriptExpectsEveryDeclaredType() {
        Set<String> expected = Script.steps().stream()
                .flatMap(step -> step.expected().stream())
                .map(event -> event.type())
                .collect(Collectors.toSet());

        assertThat(expected).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
    }
}
