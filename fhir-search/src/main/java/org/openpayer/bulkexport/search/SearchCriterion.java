package org.openpayer.bulkexport.search;

/** One parameter of a search (its comma-separated values ORed); several criteria are ANDed. */
public interface SearchCriterion {

    SqlCondition toSql();
}
