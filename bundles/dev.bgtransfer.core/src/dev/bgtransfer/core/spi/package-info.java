/**
 * The service provider interface of the transfer service: the storage port a persistence bundle
 * implements and registers as an OSGi service.
 */
package dev.bgtransfer.core.spi;
