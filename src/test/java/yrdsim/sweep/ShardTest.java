package yrdsim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void aShardTakesTheIndicesCongruentToItModuloTheCount() {
        assertArrayEquals(new int[] {2, 5, 8, 11, 14}, Shard.parse("2/3").indices(16));
        assertArrayEquals(new int[] {}, new Shard(5, 8).indices(3));
        assertArrayEquals(IntStream.range(0, 7).toArray(), Shard.WHOLE.indices(7));
    }

    @Test
    void theShardsOfASweepCoverEveryRunExactlyOnce() {
        for (int n = 1; n <= 7; n++) {
            int[] count = new int[23];
            for (int i = 0; i < n; i++) {
                for (int run : new Shard(i, n).indices(23)) {
                    count[run]++;
                }
            }
            int[] once = new int[23];
            Arrays.fill(once, 1);
            assertArrayEquals(once, count, n + " shards");
        }
    }

    @Test
    void badShardsAreRejectedWithTheRule() {
        assertEquals("a shard is I/N with 0 <= I < N, got 3/3",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("3/3")).getMessage());
        assertEquals("--shard must be I/N, such as 0/4, got '1-3'",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("1-3")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("a/2"));
        assertEquals("2-of-8", new Shard(2, 8).label());
    }
}
