package org.openpayer.bulkexport.synthetic;

import java.time.LocalDate;

/**
 * Where one member is attributed: the Group, its provider organization, the practitioner within it, and the ATR
 * change type and start of the attribution period as this version of the list records them.
 */
record MemberAttribution(int group, int organization, int practitioner, String changeType, LocalDate periodStart) {
}
