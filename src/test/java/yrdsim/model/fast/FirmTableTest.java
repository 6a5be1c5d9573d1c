package yrdsim.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FirmTableTest {

    private static FirmTable withFirms(int n) {
        FirmTable t = new FirmTable(n);
        for (int k = 0; k < n; k++) {
            t.append(k, k % 4, k % 7, k, 2.0 * k, 3.0 * k, 4.0 * k);
        }
        return t;
    }

    private static void exit(FirmTable t, int slot) {
        t.live[slot] = false;
        t.alive--;
    }

    @Test
    void compactionKeepsTheLivingInIdOrderWithTheirState() {
        FirmTable t = withFirms(100);
        for (int k = 0; k < 100; k += 3) {
            exit(t, k);
        }
        t.losses[1] = 3;
        t.compact();
        assertEquals(66, t.size);
        long previous = -1;
        for (int i = 0; i < t.size; i++) {
            assertTrue(t.live[i]);
            long id = t.id[i];
            assertTrue(id > previous && id % 3 != 0, "ids ascend and the exited are gone");
            assertEquals(id % 7, t.sector[i]);
            assertEquals(3.0 * id, t.plan[i]);
            previous = id;
        }
        assertEquals(3, t.losses[0], "firm 1 moved to slot 0 with its loss streak");
        assertFalse(t.live[t.size], "slots past the end are free");
    }

    @Test
    void aFullTableWithHolesCompactsInsteadOfGrowing() {
        FirmTable t = withFirms(64);
        while (t.size < t.capacity()) {
            t.append(t.id[t.size - 1] + 1, 0, 0, 0, 0, 1, 1);
        }
        int capacity = t.capacity();
        for (int i = 0; i < capacity; i += 4) {
            exit(t, i);
        }
        t.append(10_000, 1, 2, 0, 0, 1, 1);
        assertEquals(capacity, t.capacity(), "a quarter of the slots were holes: no new arrays");
        assertEquals(t.alive, t.size);
        assertEquals(10_000, t.id[t.size - 1]);
    }

    @Test
    void aFullTableWithoutHolesGrows() {
        FirmTable t = withFirms(64);
        while (t.size < t.capacity()) {
            t.append(t.id[t.size - 1] + 1, 0, 0, 0, 0, 1, 1);
        }
        int capacity = t.capacity();
        t.append(10_000, 1, 2, 0, 0, 1, 1);
        assertTrue(t.capacity() > capacity);
        assertEquals(capacity + 1, t.size);
        assertEquals(3.0 * 63, t.plan[63], "growth keeps the state");
    }

    @Test
    void aMiscountedTableIsCaughtAtCompaction() {
        FirmTable t = withFirms(10);
        t.live[4] = false;
        assertThrows(IllegalStateException.class, t::compact);
    }

    @Test
    void idsMustIncreaseAndIndicesFitAShort() {
        FirmTable t = withFirms(3);
        assertThrows(IllegalArgumentException.class, () -> t.append(2, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> t.append(9, 40_000, 0, 0, 0, 0, 0));
    }
}
