/**
 * The five demo files of bgtransfer, served by an HTTP server on loopback so the product works
 * without a network: {@link dev.bgtransfer.samples.SampleServer} from the OSGi service registry.
 */
package dev.bgtransfer.samples;
