package ai.agenticlayer.runtime.client;

/**
 * One instance for each of the strings that recur across the cached objects. Most of the strings the informers keep
 * are the same few values decoded again and again: every Agent's apiVersion, every Deployment's namespace, image,
 * environment variable names, {@code TCP}, {@code ClusterFirst}, {@code 25%}; at 1,000 Agents their copies were a
 * sixth of the live heap. Handing out one instance per value keeps one copy ({@link CompactDecoding}).
 * <p>
 * A table of fixed size, so it never grows, in sets of two slots, the one used last first: a string is looked up in
 * the set its hash picks; one not there takes the first slot and moves the other value to the second, whose value
 * leaves the table. Values that recur keep their slots between the unique ones (uids, resourceVersions, timestamps),
 * which only pass through, and two recurring values whose hashes pick the same set both keep theirs. Slots are read
 * and written without locks: a lost write only costs a copy, and a {@code String} is safe to publish by a race.
 */
public final class SharedStrings {

    /** Longer strings are rarely shared, and the table should not keep a long one alive. */
    static final int MAX_LENGTH = 128;

    private final String[] slots;

    /** @param size the number of slots: a power of two, at least 2 */
    public SharedStrings(int size) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two, at least 2: " + size);
        }
        this.slots = new String[size];
    }

    /** An instance equal to {@code value}: the one handed out before, if it still has its slot, else {@code value}. */
    public String share(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return value;
        }
        int hash = value.hashCode();
        int first = (hash ^ (hash >>> 16)) & (slots.length - 2);
        String recent = slots[first];
        if (value.equals(recent)) {
            return recent;
        }
        String older = slots[first + 1];
        slots[first + 1] = recent;
        if (value.equals(older)) {
            slots[first] = older;
            return older;
        }
        slots[first] = value;
        return value;
    }
}
