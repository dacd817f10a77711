package org.openpayer.bulkexport.synthetic;

import java.util.List;
import java.util.SplittableRandom;

/** A fixed list of rows to pick from; the order is part of the output, so rows are only ever appended. */
record CodeTable<T>(List<T> rows) {

    @SafeVarargs
    static <T> CodeTable<T> of(T... rows) {
        return new CodeTable<>(List.of(rows));
    }

    T pick(SplittableRandom random) {
        return rows.get(random.nextInt(rows.size()));
    }

    T get(int index) {
        return rows.get(index);
    }

    int size() {
        return rows.size();
    }
}
