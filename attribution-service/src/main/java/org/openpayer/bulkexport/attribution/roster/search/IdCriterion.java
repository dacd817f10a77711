package org.openpayer.bulkexport.attribution.roster.search;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** {@code _id=a,b}: the Group's logical id is one of the values. */
record IdCriterion(List<String> ids) implements GroupCriterion {

    @Override
    public boolean matches(JsonNode group) {
        return ids.contains(group.path("id").asText());
    }
}
