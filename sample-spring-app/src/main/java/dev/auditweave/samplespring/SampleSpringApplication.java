package dev.auditweave.samplespring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample Spring Boot application: user moderation, organization membership and a Stripe webhook on embedded
 * H2. It knows nothing of how its {@code @EmitsAbuseEvent} annotations are woven (a {@code -javaagent}, or ajc at
 * build time) nor where the events go: that is auditweave's configuration ({@code auditweave.*}).
 */
@SpringBootApplication
public class SampleSpringApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleSpringApplication.class, args);
    }
}
