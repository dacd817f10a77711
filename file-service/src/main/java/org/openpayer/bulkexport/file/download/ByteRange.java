package org.openpayer.bulkexport.file.download;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of a file's bytes, {@code first} to {@code last} inclusive, as a {@code Range} header (RFC 9110 §14.2)
 * selects it. Only a single range is served: RFC 9110 lets a server ignore a header it does not support and send the
 * whole file with 200, which is what happens to several ranges (a multipart body no Bulk Data client asks for) and to
 * anything malformed, so a bad header never becomes an error.
 */
record ByteRange(long first, long last) {

    /** {@code bytes=first-last}, {@code bytes=first-} or {@code bytes=-suffixLength}; a comma never matches. */
    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    /** Longer numbers may not fit a {@code long}; they are past the end of any file anyway. */
    private static final int MAX_DIGITS = 18;

    /** What a {@code Range} header selects from a file of known size. */
    sealed interface Selection permits Whole, Part, Unsatisfiable {
    }

    /** No {@code Range} header, or one that is ignored: the whole file, with 200. */
    record Whole() implements Selection {
    }

    /** One satisfiable range: those bytes, with 206. */
    record Part(ByteRange range) implements Selection {
    }

    /** A well-formed range that starts past the end of the file: 416. */
    record Unsatisfiable() implements Selection {
    }

    static final Selection WHOLE = new Whole();

    /** @param header the {@code Range} header as sent, or {@code null} */
    static Selection select(String header, long size) {
        if (header == null) {
            return WHOLE;
        }
        Matcher range = SINGLE_RANGE.matcher(header.trim().toLowerCase(Locale.ROOT));
        if (!range.matches() || range.group(1).isEmpty() && range.group(2).isEmpty()) {
            return WHOLE;
        }
        if (range.group(1).isEmpty()) {
            return suffix(number(range.group(2)), size);
        }
        long first = number(range.group(1));
        long last = range.group(2).isEmpty() ? Long.MAX_VALUE : number(range.group(2));
        if (last < first) {
            return WHOLE;
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        return new Part(new ByteRange(first, Math.min(last, size - 1)));
    }

    long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value of a 206 carrying this range. */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** The last {@code length} bytes, or all of them when the file is shorter; nothing is the last 0 bytes. */
    private static Selection suffix(long length, long size) {
        if (length == 0 || size == 0) {
            return new Unsatisfiable();
        }
        return new Part(new ByteRange(Math.max(0, size - length), size - 1));
    }

    private static long number(String digits) {
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        return significant.length() > MAX_DIGITS ? Long.MAX_VALUE : Long.parseLong(significant);
    }
}
