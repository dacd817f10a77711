package org.openpayer.bulkexport.rest;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operator-only resource: it takes the payer's admin key ({@code X-Admin-Key}), never a provider's access
 * token. Admin paths are not in the public route table, so they are reachable only inside the deployment.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminApi {
}
