package de.meldedesk.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import de.meldedesk.wire.CareflexJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Conversions between JDBC columns and Java values, shared by the repositories. */
final class Rows {

    private static final TypeReference<Map<String, String>> TEXT_MAP = new TypeReference<>() { };
    private static final TypeReference<List<String>> TEXT_LIST = new TypeReference<>() { };

    private Rows() {
    }

    static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static void setDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, value);
        }
    }

    static LocalDate getDate(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    static Integer getInteger(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    static Long getLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static void setBoolean(PreparedStatement statement, int index, Boolean value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BOOLEAN);
        } else {
            statement.setBoolean(index, value);
        }
    }

    static Boolean getBoolean(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    /** Returns the lower-case search key of a name, or null when the name is blank. */
    static String searchKey(String... parts) {
        StringBuilder key = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                if (key.length() > 0) {
                    key.append(' ');
                }
                key.append(part.strip().toLowerCase(Locale.ROOT));
            }
        }
        return key.length() == 0 ? null : key.toString();
    }

    /** Escapes the LIKE wildcards in text typed by a clerk; the statement must declare ESCAPE '\'. */
    static String likePrefix(String text) {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return escaped + "%";
    }

    static String writeJson(Object value) {
        try {
            return CareflexJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, String> readTextMap(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return CareflexJson.MAPPER.readValue(json, TEXT_MAP);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored text map is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static List<String> readTextList(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return CareflexJson.MAPPER.readValue(json, TEXT_LIST);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored text list is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static long generatedId(Statement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no generated id returned");
            }
            return keys.getLong(1);
        }
    }

    static void requireOneRow(int updated, long id) {
        if (updated != 1) {
            throw new IllegalArgumentException("no row with id " + id);
        }
    }
}
