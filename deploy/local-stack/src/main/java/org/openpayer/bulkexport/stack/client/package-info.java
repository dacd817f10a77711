/**
 * A small SMART Backend Services and Bulk Data client, the way a provider's system calls the suite: tokens (signed
 * with the keys and client assertions of shared-model's {@code smartclient}), Group discovery, kick-off, polling and
 * downloads. The demo export and the end-to-end tests use it, so both exercise the suite exactly as a client would.
 */
package org.openpayer.bulkexport.stack.client;
