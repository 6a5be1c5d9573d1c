package yrdsim.model;

import yrdsim.run.Engines;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import yrdsim.metrics.Recorder;
import yrdsim.metrics.RowSink;
import yrdsim.metrics.TableSink;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.ScenarioLoader;

/**
 * Every numeric guard, tripped on purpose: each poisons one stock, price or output and checks
 * that the model stops with a message naming the step, province, sector and variable.
 */
class GuardsTest {

    private static final int A = 0;
    private static final int IOTF = 1;
    private YrdModel model;

    /** Two regions (A, B) and two sectors (traditional, iotf), started at step 0. */
    private YrdModel started() throws ScenarioException {
        var loaded = ScenarioLoader.load(Path.of("scenarios/two-regions.yaml"),
                List.of("enterprises.scale=0.1", "time.steps=4"));
        model = new YrdModel(loaded, 5, Engines.of(EnterpriseEngine.Kind.FAST, 1));
        model.start();
        return model;
    }

    @AfterEach
    void finish() {
        if (model != null) {
            model.finish();
        }
    }

    private static String at(String where, String variable, double value) {
        String what = Double.isNaN(value) ? "is not a number (NaN)"
                : Double.isInfinite(value) ? "is infinite" : "is negative (" + value + ")";
        return "step 0 (2020Q1), " + where + ": " + variable + " " + what;
    }

    /** Sets one cell's sum to a value. */
    @FunctionalInterface
    interface CellPoison {
        void set(CellSums sums, int cell, double value);
    }

    static Stream<Arguments> cellSums() {
        List<Arguments> cases = new ArrayList<>();
        List<Arguments> variables = List.of(
                Arguments.of("revenue", (CellPoison) (t, c, v) -> t.revenue[c] = v),
                Arguments.of("output", (CellPoison) (t, c, v) -> t.output[c] = v),
                Arguments.of("employment", (CellPoison) (t, c, v) -> t.workers[c] = v),
                Arguments.of("talent", (CellPoison) (t, c, v) -> t.talent[c] = v),
                Arguments.of("capital", (CellPoison) (t, c, v) -> t.capital[c] = v),
                Arguments.of("knowledge", (CellPoison) (t, c, v) -> t.knowledge[c] = v),
                Arguments.of("planned_spending", (CellPoison) (t, c, v) -> t.planEnd[c] = v));
        for (Arguments v : variables) {
            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1e-9}) {
                cases.add(Arguments.of(v.get()[0], v.get()[1], bad));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} = {2}")
    @MethodSource("cellSums")
    void eachCellSumIsGuarded(String variable, CellPoison poison, double bad) throws Exception {
        YrdModel m = started();
        poison.set(m.totals(), m.structure().cell(A, IOTF), bad);
        ModelException e = assertThrows(ModelException.class, () -> m.guards().checkCells(m.totals()));
        assertEquals(at("province A, sector iotf", variable, bad), e.getMessage());
    }

    @Test
    void profitMayBeNegativeButNotNaN() throws Exception {
        YrdModel m = started();
        int c = m.structure().cell(A, IOTF);
        m.totals().profit[c] = -5;
        assertDoesNotThrow(() -> m.guards().checkCells(m.totals()));
        m.totals().profit[c] = Double.NaN;
        ModelException e = assertThrows(ModelException.class, () -> m.guards().checkCells(m.totals()));
        assertEquals(at("province A, sector iotf", "profit", Double.NaN), e.getMessage());
    }

    @Test
    void lnTfpIsGuardedBySector() throws Exception {
        YrdModel m = started();
        m.totals().lnA[IOTF] = Double.NEGATIVE_INFINITY;
        ModelException e = assertThrows(ModelException.class, () -> m.guards().checkCells(m.totals()));
        assertEquals(at("sector iotf", "ln_tfp", Double.NEGATIVE_INFINITY), e.getMessage());
    }

    static Stream<Arguments> provinceStocks() {
        return Stream.of(
                Arguments.of("workers", (Consumer<Province>) p -> p.workers = Double.NaN, Double.NaN),
                Arguments.of("talent", (Consumer<Province>) p -> p.talent = -2.0, -2.0),
                Arguments.of("capital_owned", (Consumer<Province>) p -> p.capitalOwned = Double.POSITIVE_INFINITY,
                        Double.POSITIVE_INFINITY),
                Arguments.of("public_research", (Consumer<Province>) p -> p.publicResearch = Double.NaN, Double.NaN),
                Arguments.of("capital_placed", (Consumer<Province>) p -> p.placed[1] = -0.5, -0.5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("provinceStocks")
    void eachProvinceStockIsGuarded(String variable, Consumer<Province> poison, double bad) throws Exception {
        YrdModel m = started();
        poison.accept(m.provinces()[A]);
        ModelException e = assertThrows(ModelException.class, () -> m.guards().province(m.provinces()[A]));
        assertEquals(at("province A", variable, bad), e.getMessage());
    }

    /** A stock poisoned between steps stops the next step where the province's stocks are checked. */
    @Test
    void aStepStopsOnAPoisonedStock() throws Exception {
        YrdModel m = started();
        m.provinces()[1].capitalOwned = Double.NaN;
        ModelException e = assertThrows(ModelException.class, () -> m.schedule.step(m));
        assertEquals(at("province B", "capital_owned", Double.NaN), e.getMessage());
    }

    /** A firm whose plan is not a number poisons its province's factor bids: the first price checked stops the step. */
    @Test
    void aStepStopsOnAFactorPriceThatIsNotANumber() throws Exception {
        YrdModel m = started();
        m.engine().forEach(f -> {
            if (f.province() == 1 && f.sector() == IOTF && f.id() % 2 == 0) {
                f.setPlan(Double.NaN, Double.NaN);
            }
        });
        ModelException e = assertThrows(ModelException.class, () -> m.schedule.step(m));
        assertEquals(at("province B", "interest_rate", Double.NaN), e.getMessage());
    }

    /** Next to nothing to sell on a trading post: its price overflows. */
    @Test
    void aStepStopsOnAnInfiniteWageTalentWageOrLicencePrice() throws Exception {
        YrdModel m = started();
        m.provinces()[A].workers = Double.MIN_VALUE;
        ModelException e = assertThrows(ModelException.class, () -> m.schedule.step(m));
        assertEquals(at("province A", "wage", Double.POSITIVE_INFINITY), e.getMessage());
        m.finish();

        YrdModel n = started();
        n.provinces()[A].talent = Double.MIN_VALUE;
        e = assertThrows(ModelException.class, () -> n.schedule.step(n));
        assertEquals(at("province A", "talent_wage", Double.POSITIVE_INFINITY), e.getMessage());
        n.finish();

        YrdModel o = started();
        for (Province p : o.provinces()) {
            p.publicResearch = 1e-315; // a denormal whose licence offer still rounds above 0
        }
        e = assertThrows(ModelException.class, () -> o.schedule.step(o));
        assertEquals(at("province A", "tech_price", Double.POSITIVE_INFINITY), e.getMessage());
    }

    @Test
    void aStepStopsOnASectorPriceThatIsNotANumber() throws Exception {
        YrdModel m = started();
        m.demand().finalBase[IOTF] = Double.NaN;
        ModelException e = assertThrows(ModelException.class, () -> m.schedule.step(m));
        assertEquals(at("sector iotf", "price", Double.NaN), e.getMessage());
    }

    @Test
    void entryThatWouldExhaustMemoryStopsTheRun() throws Exception {
        YrdModel m = started();
        ModelException e = assertThrows(ModelException.class, () -> m.guards().entry(A, IOTF, 3e7, m.firmCount()));
        assertEquals("step 0 (2020Q1), province A, sector iotf: 30000000 entrants would take the run past 20000000 "
                + "enterprises (entry is exploding)", e.getMessage());
        e = assertThrows(ModelException.class, () -> m.guards().entry(A, IOTF, Double.NaN, m.firmCount()));
        assertEquals(at("province A, sector iotf", "entrants", Double.NaN), e.getMessage());
    }

    /** The recorder refuses any non-finite number before it reaches a table, naming the row and column. */
    @Test
    void noTableRowEverHoldsANonFiniteNumber() throws Exception {
        YrdModel m = started();
        List<String> written = new ArrayList<>();
        TableSink memory = (name, columns) -> new RowSink() {
            @Override
            public void row(Object... values) {
                written.add(name + ":" + List.of(values));
            }

            @Override
            public void close() {
            }
        };
        Recorder recorder = new Recorder(memory, 0);
        recorder.started(m);
        m.schedule.step(m);
        m.provinces()[1].netWorkers = Double.POSITIVE_INFINITY;
        ModelException e = assertThrows(ModelException.class, () -> recorder.stepped(m));
        assertEquals("step 1 (2020Q2), province B: net_migration_workers in provinces.csv is infinite", e.getMessage());
        assertEquals(List.of(), written.stream().filter(r -> r.contains("Infinity") || r.contains("NaN")).toList());
    }

    @Test
    void theSummaryNeverHoldsANonFiniteNumber() throws Exception {
        YrdModel m = started();
        TableSink discard = (name, columns) -> new RowSink() {
            @Override
            public void row(Object... values) {
            }

            @Override
            public void close() {
            }
        };
        Recorder recorder = new Recorder(discard, 0);
        recorder.started(m);
        m.schedule.step(m);
        recorder.stepped(m);
        m.provinces()[A].iotfRevenue = Double.NaN;
        ModelException e = assertThrows(ModelException.class, () -> recorder.finish(m));
        assertEquals("step 0 (2020Q1): iotf_revenue_share.A in summary.json is not a number (NaN)", e.getMessage());
    }

}
