package de.meldedesk.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link ConnectionProfileRepository} on the H2 database. */
public final class H2ConnectionProfileRepository implements ConnectionProfileRepository {

    private static final String COLUMNS =
            "name, token_url, incident_new_url, incident_none_url, proxy, extra_ca_files, built_in";

    private final Database database;
    private final Clock clock;

    H2ConnectionProfileRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<SavedProfile> list() {
        return database.transaction(c -> {
            List<SavedProfile> profiles = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM connection_profiles ORDER BY built_in DESC, name");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    profiles.add(read(rs));
                }
            }
            return profiles;
        });
    }

    @Override
    public Optional<SavedProfile> find(String name) {
        return database.transaction(c -> find(c, name));
    }

    @Override
    public SavedProfile save(SavedProfile profile) {
        Instant now = clock.instant();
        return database.transaction(c -> {
            Optional<SavedProfile> existing = find(c, profile.name());
            String sql = existing.isPresent()
                    ? "UPDATE connection_profiles SET token_url = ?, incident_new_url = ?, incident_none_url = ?,"
                            + " proxy = ?, extra_ca_files = ?, updated_at = ? WHERE name = ?"
                    : "INSERT INTO connection_profiles (token_url, incident_new_url, incident_none_url, proxy,"
                            + " extra_ca_files, updated_at, name, built_in, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, ?)";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, profile.tokenUrl());
                s.setString(2, profile.incidentNewUrl());
                s.setString(3, profile.incidentNoneUrl());
                s.setString(4, profile.proxy());
                s.setString(5, Rows.writeJson(profile.extraCaFiles()));
                Rows.setInstant(s, 6, now);
                s.setString(7, profile.name());
                if (existing.isEmpty()) {
                    Rows.setInstant(s, 8, now);
                }
                s.executeUpdate();
            }
            return find(c, profile.name()).orElseThrow();
        });
    }

    @Override
    public void delete(String name) {
        database.transaction(c -> {
            SavedProfile profile = find(c, name)
                    .orElseThrow(() -> new IllegalArgumentException("no connection profile named " + name));
            if (profile.builtIn()) {
                throw new IllegalArgumentException("the built-in profile " + name + " cannot be deleted");
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM connection_profiles WHERE name = ?")) {
                s.setString(1, name);
                s.executeUpdate();
            }
            return null;
        });
    }

    private static Optional<SavedProfile> find(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM connection_profiles WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static SavedProfile read(ResultSet rs) throws SQLException {
        return new SavedProfile(
                rs.getString("name"),
                rs.getString("token_url"),
                rs.getString("incident_new_url"),
                rs.getString("incident_none_url"),
                rs.getString("proxy"),
                Rows.readTextList(rs.getString("extra_ca_files")),
                rs.getBoolean("built_in"));
    }
}
