package org.openpayer.bulkexport.synthetic;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the dataset seed, one per kind of thing and per item. Every item (member,
 * practitioner, …) gets its own generator seeded from (seed, stream, number), so an item's data never depends on
 * which items were generated before it: a worker can generate any range of members alone and get the same bytes.
 * Separate streams per resource family also keep, say, a member's clinical data unchanged when only the number of
 * claims changes.
 */
enum SeedStream {
    ORGANIZATION,
    PRACTITIONER,
    GROUP_SIZES,
    ATTRIBUTION,
    DEMOGRAPHICS,
    ENROLLMENT,
    CLAIMS,
    CLINICAL;

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** The generator for one item of this stream. */
    SplittableRandom random(long seed, long item) {
        long streamSeed = mix(seed ^ mix((ordinal() + 1) * GOLDEN_GAMMA));
        return new SplittableRandom(mix(streamSeed + item * GOLDEN_GAMMA));
    }

    /** The SplitMix64 finalizer: spreads nearby inputs (item 1, 2, 3…) over unrelated seeds. */
    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
