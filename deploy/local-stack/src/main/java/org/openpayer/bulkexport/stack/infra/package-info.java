/**
 * Real PostgreSQL, Kafka and S3 servers for tests and the local stack. Natively (each a child JVM on its own
 * Maven-built classpath, so nothing but a JDK is needed) or with Testcontainers where a Docker engine runs.
 */
package org.openpayer.bulkexport.stack.infra;
