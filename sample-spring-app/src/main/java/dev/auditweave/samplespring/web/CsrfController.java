package dev.auditweave.samplespring.web;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The session's CSRF token, for API clients: send it back in the named header with every change. */
@RestController
public class CsrfController {

    /** The header to send and its value. */
    public record CsrfDetails(String headerName, String token) {
    }

    @GetMapping("/api/csrf")
    public CsrfDetails csrf(CsrfToken token) {
        return new CsrfDetails(token.getHeaderName(), token.getToken());
    }
}
