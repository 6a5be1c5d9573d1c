package yrdsim.model.fast;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import yrdsim.bench.Models;
import yrdsim.model.EnterpriseEngine;
import yrdsim.model.YrdModel;

/**
 * Bytes of state per enterprise of the fast engine, measured: the firm table's arrays as
 * allocated (capacity, with its headroom for entrants), and the heap the whole started model
 * holds (arrays, block sums, scenario, provinces), per enterprise. Run with the heap the
 * benchmarks use: {@code java -Xmx4g -cp benchmarks.jar yrdsim.model.fast.StateSize 1e6 1e7}.
 */
public final class StateSize {

    private StateSize() {
    }

    /** Prints one line per size given. */
    public static void main(String[] args) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (String size : args) {
            long before = used(memory);
            YrdModel model = Models.started(size, EnterpriseEngine.Kind.FAST, 1);
            long after = used(memory);
            FirmTable t = ((FastEngine) model.engine()).table();
            int firms = model.firmCount();
            long arrays = (long) t.capacity() * FirmTable.BYTES_PER_FIRM;
            System.out.printf(Locale.ROOT,
                    "%s: %d enterprises; table %d slots x %d B = %.1f MB (%.1f B per enterprise);"
                            + " model on the heap %.1f MB (%.1f B per enterprise); max heap %.0f MB%n",
                    size, firms, t.capacity(), FirmTable.BYTES_PER_FIRM, arrays / 1e6, (double) arrays / firms,
                    (after - before) / 1e6, (double) (after - before) / firms,
                    Runtime.getRuntime().maxMemory() / 1e6);
            model.finish();
        }
    }

    private static long used(MemoryMXBean memory) {
        for (int k = 0; k < 3; k++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
