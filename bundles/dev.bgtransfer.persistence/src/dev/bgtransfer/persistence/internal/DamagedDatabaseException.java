package dev.bgtransfer.persistence.internal;

import java.io.IOException;

/** The database file is not an SQLite database or its content is malformed. */
final class DamagedDatabaseException extends IOException {
    private static final long serialVersionUID = 1L;

    DamagedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
