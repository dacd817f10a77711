package org.openpayer.bulkexport.attribution.payerpull.remote;

import java.sql.SQLException;

/** Takes each non-blank line of a downloading NDJSON file, as it arrives (the pull stages them in the database). */
@FunctionalInterface
public interface NdjsonLineHandler {

    void accept(String line) throws SQLException;
}
