package org.openpayer.bulkexport.search;


import java.util.ArrayList;
import java.util.List;

/**
 * A token parameter: {@code code}, {@code system|code}, {@code |code} (no system) or {@code system|} (any code of
 * the system), matched exactly against the index.
 */
record TokenCriterion(String param, List<TokenValue> values) implements SearchCriterion {

    @Override
    public SqlCondition toSql() {
        List<Object> binds = new ArrayList<>();
        binds.add(param);
        List<String> alternatives = new ArrayList<>();
        for (TokenValue value : values) {
            if (value.code() == null) {
                alternatives.add("t.system = ?");
                binds.add(value.system());
            } else if (value.system() == null) {
                alternatives.add("t.code = ?");
                binds.add(value.code());
            } else {
                alternatives.add("(t.code = ? and t.system = ?)");
                binds.add(value.code());
                binds.add(value.system());
            }
        }
        return new SqlCondition("exists (select 1 from attribution.search_token t where t.resource_type = "
                + "r.resource_type and t.id = r.id and t.param = ? and (" + String.join(" or ", alternatives) + "))",
                binds);
    }

    /** Splits {@code system|code}; {@code system|} means any code of the system (code {@code null}). */
    static TokenValue parseValue(String param, String text) {
        if (text.endsWith("|") && text.indexOf('|') == text.length() - 1 && text.length() > 1) {
            return new TokenValue(text.substring(0, text.length() - 1), null);
        }
        return TokenValue.parse(param, text);
    }
}
