package dev.auditweave.spring.jpa;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Annotated interface methods: AspectJ never sees them, the starter's interceptor does. */
public interface AccountRepository extends JpaRepository<Account, Long> {

    @Transactional
    @Modifying
    @Query("update Account a set a.blocked = true where a.id = :id")
    @EmitsAbuseEvent(type = "account.blocked", when = "RETURNED_ROWS > 0", data = @Field(name = "account_id", value = "id"))
    int block(@Param("id") long id);

    @EmitsAbuseEvent(type = "account.never")
    default int failing(long id) {
        throw new IllegalStateException("boom " + id);
    }
}
