/**
 * The client side of SMART Backend Services, written once: a client's signing key pair as a JWK and the
 * {@code private_key_jwt} client assertion it signs. attribution-service uses them to get tokens at another payer
 * (payer-to-payer pull); the local stack's demo client, auth-service's tests and the benchmarks use the same classes.
 * Needs jose4j at runtime, which the services have through smallrye-jwt.
 */
package org.openpayer.bulkexport.smartclient;
