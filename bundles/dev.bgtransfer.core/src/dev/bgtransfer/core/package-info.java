/**
 * The background transfer service API: {@link dev.bgtransfer.core.TransferService} from the OSGi
 * service registry, {@link dev.bgtransfer.core.TransferListener} services to hear what happens.
 */
package dev.bgtransfer.core;
