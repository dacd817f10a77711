package org.openpayer.bulkexport.attribution.roster.search;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One search parameter of a Group search, with all its comma-separated values (which OR), evaluated on a Group's
 * stored JSON without members. Groups a client may see are few (one per contract or provider organization), so they
 * are filtered here after the access check narrowed them in SQL.
 */
public interface GroupCriterion {

    boolean matches(JsonNode group);
}
