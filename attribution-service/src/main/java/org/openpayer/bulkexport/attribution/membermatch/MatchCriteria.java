package org.openpayer.bulkexport.attribution.membermatch;

/**
 * What a member is matched on: the ids on the card find the candidates (through indexes), the demographics decide
 * which of them is the person. The single and the bulk match share it.
 */
record MatchCriteria(CardIds cardIds, MemberDemographics demographics) {
}
