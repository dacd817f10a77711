package org.openpayer.bulkexport.model.security;

/** Which SMART version a scope was written in; a grant is echoed in the syntax the client used. */
public enum ScopeSyntax {
    /** {@code system/Patient.read}, {@code .write}, {@code .*}. */
    V1,
    /** {@code system/Patient.rs}: an in-order subset of {@code cruds}. */
    V2
}
