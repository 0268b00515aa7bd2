package dev.auditweave.sample.auth;

import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.annotations.Outcome;
import dev.auditweave.sample.Database;
import dev.auditweave.sample.EventTypes;
import dev.auditweave.sample.Jdbc;
import dev.auditweave.sample.UserService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Sign-up and sign-in. Each successful one is an auth event for the abuse service's {@code POST /api/auth-event}
 * (field notes §1): one flat payload, with what the arguments and the account say, and the user's auth providers
 * and organization memberships looked up by the {@link AuthEnricher} off the calling thread. A sign-in re-sends what
 * may have changed since the sign-up (is_blocked, is_admin, cohorts, org_memberships). A sign-in refused because the
 * account is blocked is an audit-log event of its own ({@code session.signin_blocked}, field notes §3).
 */
public class AuthService {

    private final Database database;
    private final UserService users;
    private final Clock clock;

    public AuthService(Database database, UserService users, Clock clock) {
        this.database = database;
        this.users = users;
        this.clock = clock;
    }

    /** Creates the account, with the sign-up's auth method as its first auth provider, in one transaction. */
    @EmitsAbuseEvent(type = EventTypes.AUTH_SIGNUP, enrich = AuthEnricher.NAME, data = {
            @Field(name = "kilo_user_id", value = "result.userId"),
            @Field(name = "event_type", value = "'signup'"),
            @Field(name = "email", value = "result.email"),
            @Field(name = "account_created_at", value = "result.createdAt"),
            @Field(name = "auth_method", value = "request.authMethod"),
            @Field(name = "ip_address", value = "request.ipAddress"),
            @Field(name = "user_agent", value = "request.userAgent"),
            @Field(name = "signup_ip", value = "request.ipAddress"),
            @Field(name = "is_admin", value = "result.admin"),
            @Field(name = "is_blocked", value = "result.blocked"),
            @Field(name = "cohorts", value = "result.cohorts")})
    public Account signUp(SignUp request) throws SQLException {
        long createdAt = clock.millis();
        database.inTransaction(connection -> {
            users.register(request.userId(), request.email());
            Jdbc.update(connection, "UPDATE users SET created_at_ms = ? WHERE id = ?", createdAt, request.userId());
            Jdbc.update(connection, "INSERT INTO auth_providers(user_id, provider) VALUES (?, ?)",
                    request.userId(), request.authMethod());
            return null;
        });
        return account(request.email());
    }

    /**
     * Signs the user in; throws {@link AccountBlockedException} when the account is blocked, and
     * {@link NoSuchElementException} when there is no account with this email. A new auth method becomes one of the
     * user's auth providers.
     */
    @EmitsAbuseEvent(type = EventTypes.AUTH_SIGNIN, enrich = AuthEnricher.NAME, data = {
            @Field(name = "kilo_user_id", value = "result.userId"),
            @Field(name = "event_type", value = "'signin'"),
            @Field(name = "email", value = "result.email"),
            @Field(name = "account_created_at", value = "result.createdAt"),
            @Field(name = "auth_method", value = "request.authMethod"),
            @Field(name = "ip_address", value = "request.ipAddress"),
            @Field(name = "user_agent", value = "request.userAgent"),
            @Field(name = "is_admin", value = "result.admin"),
            @Field(name = "is_blocked", value = "result.blocked"),
            @Field(name = "cohorts", value = "result.cohorts")})
    @EmitsAbuseEvent(type = EventTypes.SESSION_SIGNIN_BLOCKED, on = Outcome.THROWN,
            when = "THROWN.type == 'AccountBlockedException'", data = {
            @Field(name = "email", value = "request.email"),
            @Field(name = "auth_method", value = "request.authMethod"),
            @Field(name = "ip_address", value = "request.ipAddress"),
            @Field(name = "reason", value = "THROWN.message")})
    public Account signIn(SignIn request) throws SQLException, AccountBlockedException {
        Account account = account(request.email());
        if (account.blocked()) {
            throw new AccountBlockedException(blockedReason(account.userId()));
        }
        database.update("INSERT INTO auth_providers(user_id, provider) SELECT ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM auth_providers WHERE user_id = ? AND provider = ?)",
                account.userId(), request.authMethod(), account.userId(), request.authMethod());
        return account;
    }

    private Account account(String email) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT id, email, created_at_ms, is_admin, blocked, cohorts FROM users WHERE email = ?")) {
            statement.setString(1, email);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new NoSuchElementException("no account for " + email);
                }
                return new Account(row.getString(1), row.getString(2),
                        Instant.ofEpochMilli(row.getLong(3)), row.getBoolean(4), row.getBoolean(5),
                        cohorts(row.getString(6)));
            }
        }
    }

    private String blockedReason(String userId) throws SQLException {
        try (Connection connection = database.connection()) {
            return Jdbc.queryString(connection, "SELECT blocked_reason FROM users WHERE id = ?", userId).orElse(null);
        }
    }

    private static List<String> cohorts(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
    }
}
