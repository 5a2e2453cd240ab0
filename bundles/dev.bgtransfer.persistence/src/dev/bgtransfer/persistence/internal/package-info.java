/**
 * The SQLite implementation of {@link dev.bgtransfer.core.spi.TransferStore}, registered as a
 * declarative service. Not API: only the persistence tests may use it.
 */
package dev.bgtransfer.persistence.internal;
