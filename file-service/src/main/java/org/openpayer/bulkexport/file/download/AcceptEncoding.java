package org.openpayer.bulkexport.file.download;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The content codings a client accepts, read from its {@code Accept-Encoding} header (RFC 9110 §12.5.3) with their
 * q-values. Anything unclear counts as not accepted, since the fallback (inflating stored gzip) always works: a
 * malformed q-value is 0, a coding listed twice keeps its lower q-value, and no header at all accepts nothing. RFC 9110
 * would allow any coding without the header, but a Bulk Data client that did not ask for gzip is better served NDJSON
 * it can read as it is.
 *
 * @param qualities q-value by lower-case coding; {@code *} stands for every coding not listed
 */
record AcceptEncoding(Map<String, Double> qualities) {

    private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");
    private static final String ANY = "*";

    AcceptEncoding {
        qualities = Map.copyOf(qualities);
    }

    /** @param header the {@code Accept-Encoding} header as sent, or {@code null} */
    static AcceptEncoding parse(String header) {
        Map<String, Double> qualities = new HashMap<>();
        if (header != null) {
            for (String element : header.split(",")) {
                String[] parts = element.split(";");
                String coding = parts[0].trim().toLowerCase(Locale.ROOT);
                if (!coding.isEmpty()) {
                    qualities.merge(canonical(coding), quality(parts), Math::min);
                }
            }
        }
        return new AcceptEncoding(qualities);
    }

    /** Whether {@code coding} may be sent: listed, or covered by {@code *}, with a q-value above 0. */
    boolean accepts(String coding) {
        Double quality = qualities.getOrDefault(canonical(coding), qualities.get(ANY));
        return quality != null && quality > 0;
    }

    /** RFC 9110 §8.4.1.3: {@code x-gzip} is another name for {@code gzip}. */
    private static String canonical(String coding) {
        return "x-gzip".equals(coding) ? "gzip" : coding;
    }

    /** The {@code q} parameter after the coding, 1 without one. */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && "q".equalsIgnoreCase(parameter[0].trim())) {
                String value = parameter[1].trim();
                return QVALUE.matcher(value).matches() ? Double.parseDouble(value) : 0;
            }
        }
        return 1;
    }
}
