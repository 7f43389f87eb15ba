package de.meldedesk.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on one connection inside a transaction. */
@FunctionalInterface
interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
