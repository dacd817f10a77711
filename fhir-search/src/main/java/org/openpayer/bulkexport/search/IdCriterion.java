package org.openpayer.bulkexport.search;

import java.util.List;

/** {@code _id=a,b}: the resource is one of these. */
record IdCriterion(List<String> ids) implements SearchCriterion {

    @Override
    public SqlCondition toSql() {
        return new SqlCondition("r.id = any(?)", List.of((Object) ids.toArray(String[]::new)));
    }
}
