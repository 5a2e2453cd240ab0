/**
 * p2's artifact downloads through the background transfer service: the preference that turns it on
 * and off. The transport itself is internal: p2 finds it in the service registry.
 */
package dev.bgtransfer.p2;
