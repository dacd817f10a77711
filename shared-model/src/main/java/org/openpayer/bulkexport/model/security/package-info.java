/**
 * What an access token says and how services read it: the claim names auth-service signs, SMART v1/v2 scopes in one
 * model, and the rule that decides which attribution Groups a client may see. Every service that checks a token uses
 * these classes, so the issuing and the checking side cannot disagree.
 */
package org.openpayer.bulkexport.model.security;
