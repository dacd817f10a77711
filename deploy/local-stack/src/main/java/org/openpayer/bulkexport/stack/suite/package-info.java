/**
 * The whole suite as separate processes: the four services (export-service twice, so a second worker shares the
 * work), and the gateway in front, configured only through environment variables, exactly as in a deployment.
 */
package org.openpayer.bulkexport.stack.suite;
