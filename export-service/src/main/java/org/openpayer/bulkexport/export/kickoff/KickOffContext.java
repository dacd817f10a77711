package org.openpayer.bulkexport.export.kickoff;

import org.openpayer.bulkexport.model.event.ExportLevel;
import org.openpayer.bulkexport.rest.Caller;

/**
 * Who kicked off an export, and how: the facts the parameters are checked against.
 *
 * @param caller  the client and what its token allows
 * @param level   system, patient or group
 * @param post    whether the parameters came in a POST's Parameters body ({@code patient} is accepted only there)
 * @param lenient whether the client sent {@code Prefer: handling=lenient}
 * @param davinci whether the operation is Da Vinci's {@code $davinci-data-export} rather than Bulk Data's
 *                {@code $export}
 */
record KickOffContext(Caller caller, ExportLevel level, boolean post, boolean lenient, boolean davinci) {
}
