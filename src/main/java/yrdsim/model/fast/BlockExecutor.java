package yrdsim.model.fast;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a task over numbered blocks on a fixed set of threads that live as long as the engine.
 * Threads claim blocks from a shared counter, so which thread runs which block varies; results
 * must therefore depend only on the block, never on the thread. The calling thread works too.
 *
 * <p>Cost per call: one hand-over to the workers and one back, and no allocation at all (a
 * {@code Phaser} allocates a wait node whenever a thread blocks). A waiting thread spins for up
 * to {@link #SPIN_NANOS} before it parks: waking a parked thread took about a millisecond per
 * step on a 2-core virtual machine, enough to halve the gain of the second thread at 10^5
 * enterprises, while the gaps between the phases of a step are shorter than the spin.
 */
final class BlockExecutor implements AutoCloseable {

    /** Work on one block, given the index of the thread running it. */
    @FunctionalInterface
    interface BlockTask {
        void run(int block, int worker);
    }

    /** Longest spin before parking, in nanoseconds: longer than the model's work between two phases. */
    static final long SPIN_NANOS = 1_000_000;

    private final int threads;
    private final AtomicInteger next = new AtomicInteger();
    /** Workers still draining the current round. */
    private final AtomicInteger running = new AtomicInteger();
    private final Thread[] workers;
    /** Incremented to start a round; its volatile write publishes the fields below. */
    private volatile int round;
    private volatile BlockTask task;
    private volatile int blocks;
    private volatile Thread caller;
    private volatile boolean closed;
    private volatile Throwable failure;

    BlockExecutor(int threads) {
        this.threads = threads;
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
        task = work;
        blocks = count;
        next.set(0);
        failure = null;
        caller = Thread.currentThread();
        running.set(threads - 1);
        round++;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
        drain(0);
        long since = System.nanoTime();
        while (running.get() > 0) {
            pause(since);
        }
        Throwable thrown = failure;
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
    }

    private void loop(int worker) {
        int seen = 0;
        while (true) {
            long since = System.nanoTime();
            int r;
            while ((r = round) == seen && !closed) {
                pause(since);
            }
            if (closed) {
                return;
            }
            seen = r;
            drain(worker);
            if (running.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    /** One wait of a loop that started waiting at {@code since}: spin, then park once the spin is over. */
    private void pause(long since) {
        if (System.nanoTime() - since < SPIN_NANOS) {
            Thread.onSpinWait();
        } else {
            LockSupport.park(this);
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
        closed = true;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
    }
}
