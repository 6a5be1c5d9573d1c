package yrdsim.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BlockExecutorTest {

    @Test
    @Timeout(60)
    void everyBlockRunsExactlyOnceInEveryRound() {
        // 5,000 back-to-back rounds of 37 blocks on 3 threads: a lost wake-up hangs a round (the
        // timeout fails it), a round that returns early leaves a block not yet counted.
        try (BlockExecutor executor = new BlockExecutor(3)) {
            AtomicIntegerArray runs = new AtomicIntegerArray(37);
            boolean[] workerSeen = new boolean[3];
            for (int round = 1; round <= 5_000; round++) {
                executor.run(37, (b, w) -> {
                    runs.incrementAndGet(b);
                    workerSeen[w] = true;
                });
                for (int b = 0; b < 37; b++) {
                    assertEquals(round, runs.get(b), "block " + b + " after round " + round);
                }
            }
            assertTrue(workerSeen[0], "the calling thread works too");
        }
    }

    @Test
    void aFailureInABlockReachesTheCaller() {
        try (BlockExecutor executor = new BlockExecutor(2)) {
            IllegalStateException boom = new IllegalStateException("block 5");
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> executor.run(20, (b, w) -> {
                        if (b == 5) {
                            throw boom;
                        }
                    }));
            assertSame(boom, thrown);
            AtomicIntegerArray runs = new AtomicIntegerArray(4);
            executor.run(4, (b, w) -> runs.incrementAndGet(b));
            for (int b = 0; b < 4; b++) {
                assertEquals(1, runs.get(b), "the executor still works after a failure");
            }
        }
    }
}
