package dev.auditweave.samplespring.org;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Memberships. */
public interface MembershipRepository extends JpaRepository<Membership, Long> {

    boolean existsByOrganizationIdAndUserId(String organizationId, String userId);

    /** The user's memberships, by organization id. */
    List<Membership> findByUserIdOrderByOrganizationId(String userId);

    /** Deletes the membership; returns the rows deleted (0 when there was none). */
    @Modifying
    @Query("delete from Membership m where m.organizationId = :organizationId and m.userId = :userId")
    int deleteMembership(@Param("organizationId") String organizationId, @Param("userId") String userId);
}
