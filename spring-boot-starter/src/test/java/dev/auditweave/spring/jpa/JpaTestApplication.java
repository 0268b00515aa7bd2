package dev.auditweave.spring.jpa;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot application with Spring Data JPA on H2, for the repository coverage. */
@SpringBootApplication
public class JpaTestApplication {
}
