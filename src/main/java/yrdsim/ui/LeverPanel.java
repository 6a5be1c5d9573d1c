package yrdsim.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sim.util.Interval;
import sim.util.Propertied;
import sim.util.Properties;
import yrdsim.model.YrdModel;
import yrdsim.scenario.Declaration;
import yrdsim.scenario.Declarations;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.ScenarioTree;

/**
 * The policy levers of the Console's Model tab. Each lever is a declared scenario path
 * ({@link Declarations}): its label, slider range and tooltip come from the declaration, and MASON
 * reads the rows through {@link #properties()} rather than per-lever bean methods. Moving one never
 * touches the model: the new value waits until the next step is about to run, and is then handed
 * to the model's timeline ({@link yrdsim.scenario.TimelinePlayer#schedule}), which validates it,
 * applies it at that step and records it, so a saved scenario replays it. Only the last value of a
 * lever before a step is recorded, however often the slider moved.
 *
 * <p>Levers whose path names a {@code {region}} act on the province chosen in "Province levers act
 * on". Two rows combine a declared path into one control: the IotF subsidy sets the output subsidy
 * of every IotF sector of the province, and the alliance box makes every province a member, or none.
 */
public final class LeverPanel implements Propertied {

    private static final Logger LOG = LoggerFactory.getLogger(LeverPanel.class);

    /** The key of the row that chooses the province the province levers act on. */
    static final String PROVINCE = "province";
    private static final String MEMBERS = "policies.innovation_alliances.members";
    private static final String DIVISION_OF_LABOR = "policies.division_of_labor.{region}.{sector}";

    /** The declared levers the Model tab shows, in its order, around the rows built below. */
    private static final List<String> DELTA_LEVERS = List.of("barriers.labor.scale", "barriers.capital.scale",
            "barriers.technology.scale", "barriers.external.scale", "policies.common_market",
            "policies.green_development.carbon_price", "policies.flagship_support.rate", "policies.little_giants.rate");
    private static final List<String> ALLIANCE_LEVERS = List.of("policies.innovation_alliances.barrier_cut",
            "policies.innovation_alliances.spillover_boost", "policies.innovation_alliances.rd_subsidy");
    private static final List<String> TALENT_LEVERS = List.of("policies.talent_program.{region}.wage_top_up",
            "policies.talent_program.{region}.barrier_cut", "policies.talent_program.{region}.supply_growth");
    private static final List<String> PROVINCE_LEVERS = List.of("policies.iotf_incubation.{region}",
            "policies.development_zones.{region}", "policies.innovation_platforms.{region}",
            "barriers.external.workers.{region}");

    private final Supplier<YrdModel> model;
    private final Map<String, JsonNode> pending = new LinkedHashMap<>();
    private final LeverProperties properties;
    private int province;

    /** Levers of the model {@code model} supplies (the GUI's current model). */
    LeverPanel(Supplier<YrdModel> model) {
        this.model = model;
        this.properties = new LeverProperties(this, rows());
    }

    /** The Model tab's rows, in order. */
    private List<LeverRow> rows() {
        List<LeverRow> rows = new ArrayList<>();
        rows.add(LeverRow.readOnly("next_change", "Changes take effect", String.class, this::getNextChange,
                "a change made now is applied at this step and recorded in the run's timeline"));
        DELTA_LEVERS.forEach(path -> rows.add(lever(path)));
        Declaration members = Declarations.at(MEMBERS);
        rows.add(new LeverRow(MEMBERS, "Innovation alliance of all provinces", boolean.class, this::allMembers,
                v -> setAllMembers((Boolean) v), () -> null,
                members.path() + ": every province, or none (" + members.description() + ")"));
        ALLIANCE_LEVERS.forEach(path -> rows.add(lever(path)));
        rows.add(new LeverRow(PROVINCE, "Province levers act on", int.class, () -> province,
                v -> province = (Integer) v, this::regionNames,
                "the province whose talent programme, IotF subsidy, incubation, zone, platform and barrier to the rest of "
                        + "China the levers below set"));
        TALENT_LEVERS.forEach(path -> rows.add(lever(path)));
        Declaration subsidy = Declarations.at(DIVISION_OF_LABOR);
        rows.add(new LeverRow(DIVISION_OF_LABOR, "IotF subsidy (output, every IotF sector)", double.class,
                this::iotfSubsidy, v -> setIotfSubsidy((Double) v), () -> interval(subsidy),
                subsidy.tooltip() + "; set for every IotF sector"));
        PROVINCE_LEVERS.forEach(path -> rows.add(lever(path)));
        rows.add(LeverRow.readOnly("live_changes", "Live changes recorded", int.class, this::getLiveChanges,
                "changes made in this run through these levers"));
        return rows;
    }

    /** A slider for the declared number at {@code path}; a {@code {region}} in it is the chosen province. */
    private LeverRow lever(String path) {
        Declaration d = Declarations.at(path);
        return new LeverRow(path, d.label(), double.class, () -> number(inProvince(path)),
                v -> setNumber(inProvince(path), (Double) v), () -> interval(d), d.tooltip());
    }

    private static Interval interval(Declaration d) {
        return new Interval(d.sliderRange().min(), d.sliderRange().max());
    }

    /** The rows as MASON properties: the Model tab. */
    @Override
    public Properties properties() {
        return properties;
    }

    /** The value the row {@code key} shows. */
    Object get(String key) {
        return properties.getValue(properties.indexOf(key));
    }

    /** Sets the row {@code key} to {@code value}, as typing it into the Model tab does. */
    void set(String key, Object value) {
        properties.setValue(properties.indexOf(key), value);
    }

    // ------------------------------------------------------------------ plumbing

    private YrdModel m() {
        return model.get();
    }

    /** The values in force: the timeline's tree once the run has started, the loaded one before. */
    private ScenarioTree tree() {
        return m().timeline() != null ? m().timeline().tree() : m().loaded().tree();
    }

    /**
     * The value a lever will have at the next step: a pending change of it or of a mapping that
     * holds it, else the value in force.
     */
    JsonNode value(String path) {
        for (Map.Entry<String, JsonNode> change : pending.entrySet()) {
            if (path.equals(change.getKey())) {
                return change.getValue();
            }
            if (path.startsWith(change.getKey() + ".")) {
                return change.getValue().at("/" + path.substring(change.getKey().length() + 1).replace('.', '/'));
            }
        }
        return tree().get(path);
    }

    private double number(String path) {
        JsonNode v = value(path);
        return v != null && v.isNumber() ? v.asDouble() : 0;
    }

    private boolean ended() {
        return m().timeline() != null && m().step() >= m().scenario().time().steps();
    }

    /** Queues {@code path = value} for the next step (dropping it if it restores the value in force). */
    void change(String path, JsonNode value) {
        if (ended()) {
            LOG.warn("the run has ended; {} stays as it is (stop and play to start a new run)", path);
            return;
        }
        JsonNode inForce = tree().get(path);
        // An absent lever is neutral: for a number, 0.
        boolean same = inForce == null ? value.isNumber() && value.asDouble() == 0
                : inForce.equals(value) || inForce.isNumber() && value.isNumber() && inForce.asDouble() == value.asDouble();
        if (same) {
            pending.remove(path);
        } else {
            pending.put(path, value);
        }
    }

    private void setNumber(String path, double value) {
        change(path, DoubleNode.valueOf(value));
    }

    /** Changes waiting for the next step. */
    Map<String, JsonNode> pending() {
        return Map.copyOf(pending);
    }

    /**
     * Hands the pending changes to the model's timeline at the step about to run, logging each.
     * Called with the schedule locked, right before a step. A change the scenario rules reject is
     * logged and dropped.
     *
     * @return the number of changes scheduled
     */
    int commit() {
        YrdModel m = m();
        if (pending.isEmpty() || m.timeline() == null) {
            return 0;
        }
        int step = m.step();
        int scheduled = 0;
        for (Map.Entry<String, JsonNode> change : pending.entrySet()) {
            JsonNode before = m.timeline().tree().get(change.getKey());
            try {
                m.timeline().schedule(step, change.getKey(), change.getValue());
                scheduled++;
                LOG.info("lever {}: {} -> {} from {} (step {}), recorded in the run's timeline", change.getKey(),
                        before, change.getValue(), m.period(step), step);
            } catch (ScenarioException e) {
                LOG.warn("lever {} = {} refused: {}", change.getKey(), change.getValue(), e.getMessage());
            }
        }
        pending.clear();
        return scheduled;
    }

    private String region() {
        String[] names = regionNames();
        return names[Math.min(province, names.length - 1)];
    }

    private List<String> iotfSectors() {
        List<String> out = new ArrayList<>();
        m().loaded().scenario().sectors().forEach(s -> {
            if (s.iotf()) {
                out.add(s.name());
            }
        });
        return out;
    }

    // ------------------------------------------------------------------ read-only

    /** When a change made now takes effect. */
    public String getNextChange() {
        YrdModel m = m();
        if (m.timeline() == null) {
            return "at the first step, " + m.loaded().scenario().startPeriod();
        }
        if (ended()) {
            return "never: the run has ended";
        }
        return "at the next step, " + m.period(m.step()) + " (step " + m.step() + ")";
    }

    /** Changes made in this run through these levers. */
    public int getLiveChanges() {
        YrdModel m = m();
        return m.timeline() == null ? 0 : m.timeline().events().size() - m.loaded().scenario().timeline().size();
    }

    // ------------------------------------------------------------------ rows that combine a declared path

    /** Whether every province is a member of the innovation alliance. */
    private boolean allMembers() {
        JsonNode members = value(MEMBERS);
        return members != null && members.isArray() && members.size() == m().loaded().scenario().regions().size();
    }

    /** Makes every province a member of the alliance, or none. */
    private void setAllMembers(boolean all) {
        ArrayNode members = JsonNodeFactory.instance.arrayNode();
        if (all) {
            m().loaded().scenario().regions().forEach(r -> members.add(r.name()));
        }
        change(MEMBERS, members);
    }

    /** Output subsidy to IotF sectors in the chosen province (the first IotF sector's rate). */
    private double iotfSubsidy() {
        List<String> sectors = iotfSectors();
        return sectors.isEmpty() ? 0 : number(divisionOfLabor(sectors.get(0)));
    }

    /** Sets the division-of-labour output subsidy of every IotF sector in the chosen province. */
    private void setIotfSubsidy(double v) {
        for (String sector : iotfSectors()) {
            setNumber(divisionOfLabor(sector), v);
        }
    }

    private String[] regionNames() {
        return m().loaded().scenario().regions().stream().map(r -> r.name()).toArray(String[]::new);
    }

    /** {@code path} with {@code {region}} replaced by the chosen province. */
    private String inProvince(String path) {
        return path.replace("{region}", region());
    }

    private String divisionOfLabor(String sector) {
        return inProvince(DIVISION_OF_LABOR).replace("{sector}", sector);
    }

    @Override
    public String toString() {
        return "Policy levers";
    }
}
