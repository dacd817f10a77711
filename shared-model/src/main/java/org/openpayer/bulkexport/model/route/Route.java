package org.openpayer.bulkexport.model.route;

import java.util.List;

/**
 * A path pattern and the service that answers it. Patterns are split on {@code /}; a {@code *} segment matches any one
 * segment and a final {@code **} matches any rest, including none. Everything else matches literally.
 */
public record Route(String pattern, Service service) {

    private static final String ANY_SEGMENT = "*";
    private static final String ANY_REST = "**";

    public Route {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("route patterns start with /: " + pattern);
        }
        int restWildcard = pattern.indexOf(ANY_REST);
        if (restWildcard >= 0 && restWildcard != pattern.length() - ANY_REST.length()) {
            throw new IllegalArgumentException("** may only end a route pattern: " + pattern);
        }
    }

    /** Whether a decoded request path (no query string) falls under this route. */
    public boolean matches(String path) {
        List<String> expected = segments(pattern);
        List<String> actual = segments(path);
        for (int i = 0; i < expected.size(); i++) {
            String segment = expected.get(i);
            if (segment.equals(ANY_REST)) {
                return true;
            }
            if (i >= actual.size() || !(segment.equals(ANY_SEGMENT) || segment.equals(actual.get(i)))) {
                return false;
            }
        }
        return expected.size() == actual.size();
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }
}
