package org.openpayer.bulkexport.file.download;

import io.vertx.core.buffer.Buffer;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Inflates a gzip stream (RFC 1952) chunk by chunk as storage delivers it, for clients that do not accept the gzip a
 * file is stored as. It checks what {@link java.util.zip.GZIPInputStream} checks: the header (and its CRC when
 * present), each member's CRC-32 and length, and members concatenated one after another inflate as one body. A stream
 * that ends inside a member, or bytes after a member that do not start another one, are errors: a damaged file must
 * never reach a client as a complete one.
 *
 * <p>Design note: output is produced in pieces of at most {@value #OUTPUT_PIECE} bytes per {@link #poll()}, so what
 * one highly compressed chunk inflates to is never held at once; the relay stops pulling while the client is slow.
 */
final class GzipInflation implements BodyTransform {

    private static final int OUTPUT_PIECE = 64 * 1024;
    private static final int FIXED_HEADER = 10;
    private static final int TRAILER = 8;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final byte[] NOTHING = new byte[0];

    private enum Part { HEADER, DATA, TRAILER }

    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    /** Bytes received and not yet parsed or handed to the inflater. */
    private byte[] pending = NOTHING;
    /** The array the inflater reads from, so the bytes it leaves after a member can be taken back. */
    private byte[] inflating = NOTHING;
    private Part part = Part.HEADER;
    private boolean memberDone;

    @Override
    public void offer(Buffer chunk) {
        byte[] bytes = chunk.getBytes();
        pending = pending.length == 0 ? bytes : concat(pending, bytes);
    }

    @Override
    public Buffer poll() throws ZipException {
        while (true) {
            switch (part) {
                case HEADER -> {
                    int length = headerLength(pending);
                    if (length < 0) {
                        return null;
                    }
                    pending = Arrays.copyOfRange(pending, length, pending.length);
                    inflater.reset();
                    crc.reset();
                    part = Part.DATA;
                }
                case DATA -> {
                    if (inflater.needsInput() && !inflater.finished()) {
                        if (pending.length == 0) {
                            return null;
                        }
                        inflating = pending;
                        pending = NOTHING;
                        inflater.setInput(inflating);
                    }
                    Buffer out = inflate();
                    if (inflater.finished()) {
                        int left = inflater.getRemaining();
                        pending = concat(Arrays.copyOfRange(inflating, inflating.length - left, inflating.length),
                                pending);
                        inflating = NOTHING;
                        part = Part.TRAILER;
                    }
                    if (out != null) {
                        return out;
                    }
                }
                case TRAILER -> {
                    if (pending.length < TRAILER) {
                        return null;
                    }
                    checkTrailer();
                    pending = Arrays.copyOfRange(pending, TRAILER, pending.length);
                    memberDone = true;
                    part = Part.HEADER;
                }
                default -> throw new IllegalStateException(part.name());
            }
        }
    }

    @Override
    public void finish() throws ZipException {
        if (part != Part.HEADER || pending.length != 0 || !memberDone) {
            throw new ZipException("gzip stream ends inside a member");
        }
    }

    @Override
    public void close() {
        inflater.end();
    }

    /** Up to one piece of output, or {@code null} when the inflater produced nothing from what it has. */
    private Buffer inflate() throws ZipException {
        byte[] out = new byte[OUTPUT_PIECE];
        int length;
        try {
            length = inflater.inflate(out);
        } catch (DataFormatException e) {
            throw new ZipException("corrupt gzip data: " + e.getMessage());
        }
        if (length == 0) {
            if (inflater.needsDictionary()) {
                throw new ZipException("corrupt gzip data: a preset dictionary is not allowed");
            }
            return null;
        }
        crc.update(out, 0, length);
        return Buffer.buffer(length == out.length ? out : Arrays.copyOf(out, length));
    }

    private void checkTrailer() throws ZipException {
        if (littleEndian(pending, 0, 4) != crc.getValue()) {
            throw new ZipException("gzip member fails its CRC check");
        }
        if (littleEndian(pending, 4, 4) != (inflater.getBytesWritten() & 0xffff_ffffL)) {
            throw new ZipException("gzip member has the wrong length");
        }
    }

    /** The length of the member header at the start of {@code bytes}, or -1 when more bytes are needed to know. */
    static int headerLength(byte[] bytes) throws ZipException {
        if (bytes.length >= 2 && ((bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b)) {
            throw new ZipException("not in gzip format");
        }
        if (bytes.length < FIXED_HEADER) {
            return -1;
        }
        if (bytes[2] != 8) {
            throw new ZipException("unsupported gzip compression method " + bytes[2]);
        }
        int flags = bytes[3] & 0xff;
        int position = FIXED_HEADER;
        if ((flags & FEXTRA) != 0) {
            if (bytes.length < position + 2) {
                return -1;
            }
            position += 2 + (int) littleEndian(bytes, position, 2);
        }
        if ((flags & FNAME) != 0) {
            position = afterZero(bytes, position);
        }
        if ((flags & FCOMMENT) != 0) {
            position = afterZero(bytes, position);
        }
        if ((flags & FHCRC) != 0 && position >= 0) {
            if (bytes.length < position + 2) {
                return -1;
            }
            CRC32 headerCrc = new CRC32();
            headerCrc.update(bytes, 0, position);
            if ((headerCrc.getValue() & 0xffff) != littleEndian(bytes, position, 2)) {
                throw new ZipException("gzip header fails its CRC check");
            }
            position += 2;
        }
        return position >= 0 && position <= bytes.length ? position : -1;
    }

    /** The position after the zero byte that ends a string field from {@code from}, or -1 when none has arrived. */
    private static int afterZero(byte[] bytes, int from) {
        if (from < 0) {
            return -1;
        }
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static long littleEndian(byte[] bytes, int offset, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = value << 8 | bytes[offset + i] & 0xff;
        }
        return value;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        if (second.length == 0) {
            return first;
        }
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
