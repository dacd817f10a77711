package org.openpayer.bulkexport.attribution.membermatch;

/**
 * What matching found. HRex allows an answer only for exactly one member; the bulk match sorts members by the same
 * three outcomes (matched, or not matched either way).
 */
sealed interface MatchResult {

    /** Exactly one member is the person. */
    record Unique(MatchedMember member) implements MatchResult {
    }

    /** No member is. */
    record None() implements MatchResult {
    }

    /** Several members are (duplicate records, or too little to tell them apart): none may be chosen. */
    record Several() implements MatchResult {
    }
}
