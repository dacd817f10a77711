package org.openpayer.bulkexport.stack.infra;

/**
 * Ports of the native servers: fixed and documented for the local stack, free ones for tests.
 */
public record InfraPorts(int postgres, int kafka, int s3) {

    /** The local stack's ports, away from the usual 5432/9092/9000 so a developer's own servers keep theirs. */
    public static final InfraPorts LOCAL_STACK = new InfraPorts(15432, 19092, 19000);

    public static InfraPorts free() {
        return new InfraPorts(FreePort.find(), FreePort.find(), FreePort.find());
    }
}
