package dev.auditweave.samplespring.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form login for the moderation API (session cookie, CSRF token on every change); the Stripe webhook is public
 * and without CSRF, as a webhook is called by Stripe, not by a browser. One administrator, from configuration.
 */
@Configuration
public class SecurityConfig {

    static final String WEBHOOKS = "/webhooks/**";

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(WEBHOOKS).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(WEBHOOKS));
        return http.build();
    }

    @Bean
    UserDetailsService administrators(@Value("${sample.admin.email}") String email,
                                      @Value("${sample.admin.password}") String password) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(User.withUsername(email)
                .password(encoder.encode(password))
                .roles("ADMIN")
                .build());
    }
}
