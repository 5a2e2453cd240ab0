/**
 * The SQLite implementation of {@link dev.bgtransfer.core.spi.TransferStore}, registered as a
 * declarative service. Not API and not exported: the persistence tests, a fragment of this bundle,
 * test it from inside this package.
 */
package dev.bgtransfer.persistence.internal;
