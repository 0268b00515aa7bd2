package dev.auditweave.samplespring.web;

import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 409 with {@code {"error": ...}} for a refused change: a {@link Conflict}, or a commit the database refused (a
 * unique constraint). The transaction has rolled back when either reaches here.
 */
@RestControllerAdvice
public class ConflictAdvice {

    @ExceptionHandler(Conflict.class)
    ResponseEntity<Map<String, String>> refused(Conflict conflict) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", conflict.getMessage()));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Map<String, String>> constraintViolated() {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Map.of("error", "the change conflicts with existing data; nothing was saved"));
    }
}
