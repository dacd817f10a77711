/**
 * Benchmarks run by hand, never by the build: the SMART Backend Services token endpoint of the packaged auth-service,
 * driven over HTTP/1.1 with pre-signed client assertions, on a fresh native PostgreSQL.
 */
package org.openpayer.bulkexport.bench;
