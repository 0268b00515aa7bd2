package dev.auditweave.sample.auth;

import dev.auditweave.sample.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The database look-ups of an auth event: a user's auth providers and organization memberships. */
public final class AuthLookups {

    private final Database database;

    public AuthLookups(Database database) {
        this.database = database;
    }

    /** The user's auth providers ({@code email}, {@code google}, ...), alphabetically. */
    public List<String> authProviders(String userId) throws SQLException {
        List<String> providers = new ArrayList<>();
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT provider FROM auth_providers WHERE user_id = ? ORDER BY provider")) {
            statement.setString(1, userId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    providers.add(rows.getString(1));
                }
            }
        }
        return providers;
    }

    /**
     * The user's memberships, by organization id, each as the abuse service's {@code org_memberships[]} entry:
     * {@code {organization_id, role, plan, has_sso, in_free_trial}}.
     */
    public List<Map<String, Object>> orgMemberships(String userId) throws SQLException {
        List<Map<String, Object>> memberships = new ArrayList<>();
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT m.organization_id, m.role, o.plan, o.has_sso, o.in_free_trial FROM memberships m "
                             + "JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = ? "
                             + "ORDER BY m.organization_id")) {
            statement.setString(1, userId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Map<String, Object> membership = new LinkedHashMap<>();
                    membership.put("organization_id", rows.getString(1));
                    membership.put("role", rows.getString(2));
                    membership.put("plan", rows.getString(3));
                    membership.put("has_sso", rows.getBoolean(4));
                    membership.put("in_free_trial", rows.getBoolean(5));
                    memberships.add(membership);
                }
            }
        }
        return memberships;
    }
}
