package org.openpayer.bulkexport.stack.infra;

/** The servers a test or the local stack may need. */
public enum ServerKind {
    POSTGRES, KAFKA, S3
}
