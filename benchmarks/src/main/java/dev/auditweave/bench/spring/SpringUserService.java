package dev.auditweave.bench.spring;

/** The benchmark target behind a Spring AOP (CGLIB) proxy: same method as the other targets. */
public class SpringUserService {

    private int rows;

    public void setRows(int rows) {
        this.rows = rows;
    }

    @SpelEmit(type = "user.blocked", condition = "#result > 0",
            data = {"kilo_user_id=#userId", "reason=#reason"})
    public int blockUser(String userId, String reason) {
        return rows;
    }
}
