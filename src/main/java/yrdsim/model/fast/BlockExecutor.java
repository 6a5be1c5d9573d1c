package yrdsim.model.fast;

import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a task over numbered blocks on a fixed set of threads that live as long as the engine.
 * Threads claim blocks from a shared counter, so which thread runs which block varies; results
 * must therefore depend only on the block, never on the thread. The calling thread works too.
 *
 * <p>Cost per call: two phaser barriers. There is no allocation per block or per firm.
 */
final class BlockExecutor implements AutoCloseable {

    /** Work on one block, given the index of the thread running it. */
    @FunctionalInterface
    interface BlockTask {
        void run(int block, int worker);
    }

    private final int threads;
    private final Phaser phaser;
    private final AtomicInteger next = new AtomicInteger();
    private final Thread[] workers;
    private volatile BlockTask task;
    private volatile int blocks;
    private volatile boolean closed;
    private volatile Throwable failure;

    BlockExecutor(int threads) {
        this.threads = threads;
        this.phaser = new Phaser(threads);
        this.workers = new Thread[threads - 1];
        for (int w = 1; w < threads; w++) {
            int worker = w;
            Thread t = new Thread(() -> loop(worker), "yrdsim-block-" + w);
            t.setDaemon(true);
            workers[w - 1] = t;
            t.start();
        }
    }

    int threads() {
        return threads;
    }

    /** Runs {@code task} on blocks 0..count-1 and returns when all are done. */
    void run(int count, BlockTask work) {
        if (threads == 1) {
            for (int b = 0; b < count; b++) {
                work.run(b, 0);
            }
            return;
        }
        this.task = work;
        this.blocks = count;
        next.set(0);
        failure = null;
        phaser.arriveAndAwaitAdvance();
        drain(0);
        phaser.arriveAndAwaitAdvance();
        Throwable thrown = failure;
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
    }

    private void loop(int worker) {
        while (true) {
            phaser.arriveAndAwaitAdvance();
            if (closed) {
                phaser.arriveAndDeregister();
                return;
            }
            drain(worker);
            phaser.arriveAndAwaitAdvance();
        }
    }

    private void drain(int worker) {
        try {
            int b;
            while ((b = next.getAndIncrement()) < blocks) {
                task.run(b, worker);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            next.set(Integer.MAX_VALUE / 2);
        }
    }

    @Override
    public void close() {
        if (threads == 1 || closed) {
            return;
        }
        closed = true;
        phaser.arriveAndDeregister();
    }
}
