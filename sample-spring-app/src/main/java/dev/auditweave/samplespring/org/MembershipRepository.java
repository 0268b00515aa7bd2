package dev.auditweave.samplespring.org;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Memberships. */
public interface MembershipRepository extends JpaRepository<Membership, Long> {

    boolean existsByOrganizationIdAndUserId(String organizationId, String userId);

    /** Deletes the membership; returns the rows deleted (0 when there was none). */
    @Modifying
    @Query("delete from Membership m where m.organizationId = :organizationId and m.userId = :userId")
    int deleteMembership(@Param("organizationId") String organizationId, @Param("userId") String userId);
}
