package yrdsim.model.fast;

/**
 * An int field with 64 bytes of padding on each side, so that no other object's data shares its
 * cache line: {@link Cursor} extends {@link After} for its slot index, which its worker writes
 * at every firm. The JVM lays out superclass fields first and fills gaps with later fields,
 * hence three classes and the leading int that fills the gap after the object header.
 */
final class Padded {

    private Padded() {
    }

    /** Padding before the field. */
    @SuppressWarnings("unused")
    abstract static class Before {
        private int gap;
        private long p0;
        private long p1;
        private long p2;
        private long p3;
        private long p4;
        private long p5;
        private long p6;
        private long p7;
    }

    /** The field. */
    abstract static class Index extends Before {
        /** The slot a cursor views. */
        int i;
    }

    /** Padding after the field. */
    @SuppressWarnings("unused")
    abstract static class After extends Index {
        private long q0;
        private long q1;
        private long q2;
        private long q3;
        private long q4;
        private long q5;
        private long q6;
        private long q7;
    }
}
