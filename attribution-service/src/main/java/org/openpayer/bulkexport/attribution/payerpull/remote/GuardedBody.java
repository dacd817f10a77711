package org.openpayer.bulkexport.attribution.payerpull.remote;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;

/**
 * A response body the {@link BodyWatchdog} may close: when no byte has arrived for the stall time, or at the deadline.
 * Reads record their progress; a read failing because the watchdog closed the stream says so ({@link #stopReason()}).
 */
final class GuardedBody extends FilterInputStream {

    private final BodyWatchdog watchdog;
    private final long stallNanos;
    private final Instant deadline;
    private volatile long lastProgress = System.nanoTime();
    private volatile String stopReason;

    GuardedBody(InputStream body, BodyWatchdog watchdog, Duration stall, Instant deadline) {
        super(body);
        this.watchdog = watchdog;
        this.stallNanos = stall.toNanos();
        this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        lastProgress = System.nanoTime();
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, length);
        lastProgress = System.nanoTime();
        return count;
    }

    @Override
    public void close() throws IOException {
        watchdog.release(this);
        super.close();
    }

    /** Closes the stream if it stalled or its deadline passed; any read blocked on it then fails. */
    void stopIfOverdue(long nowNanos, Instant now) {
        if (now.isAfter(deadline)) {
            stop("the pull's time ran out");
        } else if (nowNanos - lastProgress > stallNanos) {
            stop("nothing arrived for " + Duration.ofNanos(stallNanos).toSeconds() + " s");
        }
    }

    /** Why the watchdog closed the stream, or {@code null} if it did not. */
    String stopReason() {
        return stopReason;
    }

    private void stop(String reason) {
        stopReason = reason;
        try {
            super.close();
        } catch (IOException e) {
            // closing is all that was asked; a read blocked on the stream fails either way
        }
    }
}
