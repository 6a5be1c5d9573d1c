package yrdsim.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sim.util.Interval;
import yrdsim.model.YrdModel;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.ScenarioTree;

/**
 * The policy levers of the Console's Model tab: bean properties with {@code dom} ranges, so
 * MASON shows sliders. Each lever is a dotted scenario path. Moving one never touches the model:
 * the new value waits until the next step is about to run, and is then handed to the model's
 * timeline ({@link yrdsim.scenario.TimelinePlayer#schedule}), which validates it, applies it at
 * that step and records it, so a saved scenario replays it. Only the last value of a lever before
 * a step is recorded, however often the slider moved.
 *
 * <p>Province levers act on the province chosen in "Province".
 */
public final class LeverPanel {

    private static final Logger LOG = LoggerFactory.getLogger(LeverPanel.class);

    /** Property names and labels in the order the Model tab shows them. */
    static final String[] LAYOUT = {
        "NextChange", "Changes take effect",
        "LabourBarrierScale", "Barrier scale: workers and talent",
        "CapitalBarrierScale", "Barrier scale: capital",
        "TechnologyBarrierScale", "Barrier scale: technology",
        "CommonMarket", "Common market (scale on all barriers)",
        "CarbonPrice", "Carbon price (yuan per t CO2)",
        "FlagshipRate", "Flagship support rate",
        "LittleGiantRate", "Little giants R&D subsidy rate",
        "InnovationAlliance", "Innovation alliance of all provinces",
        "AllianceBarrierCut", "Alliance: technology barrier cut",
        "AllianceSpilloverBoost", "Alliance: spillover boost",
        "AllianceRdSubsidy", "Alliance: IotF R&D subsidy rate",
        "Province", "Province levers act on",
        "TalentWageTopUp", "Talent programme: wage top-up",
        "TalentBarrierCut", "Talent programme: barrier cut",
        "TalentSupplyGrowth", "Talent programme: supply growth per quarter",
        "IotfSubsidy", "IotF subsidy (output, every IotF sector)",
        "IotfIncubation", "IotF incubation (entry subsidy)",
        "DevelopmentZone", "Development zone (log TFP bonus)",
        "InnovationPlatform", "Innovation platform (extra public R&D share)",
        "LiveChanges", "Live changes recorded",
    };

    static final String LABOUR = "barriers.labor.scale";
    static final String CAPITAL = "barriers.capital.scale";
    static final String TECHNOLOGY = "barriers.technology.scale";
    private static final List<String> TALENT_KEYS = List.of("wage_top_up", "barrier_cut", "supply_growth");

    private final Supplier<YrdModel> model;
    private final Map<String, JsonNode> pending = new LinkedHashMap<>();
    private int province;

    /** Levers of the model {@code model} supplies (the GUI's current model). */
    LeverPanel(Supplier<YrdModel> model) {
        this.model = model;
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

    private void set(String path, double value) {
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
        String[] names = m().structure() != null ? m().structure().regionList().toArray(String[]::new)
                : m().loaded().scenario().regions().stream().map(r -> r.name()).toArray(String[]::new);
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

    // ------------------------------------------------------------------ barriers and delta-wide policies

    /** Multiplier on the labour barrier matrix (workers and talent): 1 as written, 0 free movement. */
    public double getLabourBarrierScale() {
        return number(LABOUR);
    }

    /** Sets {@code barriers.labor.scale}. */
    public void setLabourBarrierScale(double v) {
        set(LABOUR, v);
    }

    /** Slider range. */
    public Object domLabourBarrierScale() {
        return new Interval(0.0, 2.0);
    }

    /** Tooltip. */
    public String desLabourBarrierScale() {
        return "barriers.labor.scale: multiplier on the hukou and housing barriers to moving workers and talent";
    }

    /** Multiplier on the capital barrier matrix. */
    public double getCapitalBarrierScale() {
        return number(CAPITAL);
    }

    /** Sets {@code barriers.capital.scale}. */
    public void setCapitalBarrierScale(double v) {
        set(CAPITAL, v);
    }

    /** Slider range. */
    public Object domCapitalBarrierScale() {
        return new Interval(0.0, 2.0);
    }

    /** Tooltip. */
    public String desCapitalBarrierScale() {
        return "barriers.capital.scale: multiplier on the barriers to placing capital in another province";
    }

    /** Multiplier on the technology barrier matrix. */
    public double getTechnologyBarrierScale() {
        return number(TECHNOLOGY);
    }

    /** Sets {@code barriers.technology.scale}. */
    public void setTechnologyBarrierScale(double v) {
        set(TECHNOLOGY, v);
    }

    /** Slider range. */
    public Object domTechnologyBarrierScale() {
        return new Interval(0.0, 2.0);
    }

    /** Tooltip. */
    public String desTechnologyBarrierScale() {
        return "barriers.technology.scale: multiplier on the barriers to licensing and spillovers across provinces";
    }

    /** One scale on every barrier. */
    public double getCommonMarket() {
        return number("policies.common_market");
    }

    /** Sets {@code policies.common_market}. */
    public void setCommonMarket(double v) {
        set("policies.common_market", v);
    }

    /** Slider range. */
    public Object domCommonMarket() {
        return new Interval(0.0, 2.0);
    }

    /** Tooltip. */
    public String desCommonMarket() {
        return "policies.common_market: one scale on all barriers (1 status quo, 0 one common market)";
    }

    /** Carbon price. */
    public double getCarbonPrice() {
        return number("policies.green_development.carbon_price");
    }

    /** Sets {@code policies.green_development.carbon_price}. */
    public void setCarbonPrice(double v) {
        set("policies.green_development.carbon_price", v);
    }

    /** Slider range. */
    public Object domCarbonPrice() {
        return new Interval(0.0, 500.0);
    }

    /** Tooltip. */
    public String desCarbonPrice() {
        return "policies.green_development.carbon_price: yuan per tonne, added to fixed costs by emission intensity";
    }

    /** Flagship output subsidy rate. */
    public double getFlagshipRate() {
        return number("policies.flagship_support.rate");
    }

    /** Sets {@code policies.flagship_support.rate}. */
    public void setFlagshipRate(double v) {
        set("policies.flagship_support.rate", v);
    }

    /** Slider range. */
    public Object domFlagshipRate() {
        return new Interval(0.0, 0.2);
    }

    /** Tooltip. */
    public String desFlagshipRate() {
        return "policies.flagship_support.rate: output subsidy to the largest firms of the supported sectors";
    }

    /** Little-giant R&amp;D subsidy rate. */
    public double getLittleGiantRate() {
        return number("policies.little_giants.rate");
    }

    /** Sets {@code policies.little_giants.rate}. */
    public void setLittleGiantRate(double v) {
        set("policies.little_giants.rate", v);
    }

    /** Slider range. */
    public Object domLittleGiantRate() {
        return new Interval(0.0, 0.2);
    }

    /** Tooltip. */
    public String desLittleGiantRate() {
        return "policies.little_giants.rate: R&D subsidy, share of revenue, to small R&D-intensive firms";
    }

    /** Whether every province is a member of the innovation alliance. */
    public boolean getInnovationAlliance() {
        JsonNode members = value("policies.innovation_alliances.members");
        return members != null && members.isArray() && members.size() == m().loaded().scenario().regions().size();
    }

    /** Makes every province a member of the alliance, or none. */
    public void setInnovationAlliance(boolean all) {
        ArrayNode members = JsonNodeFactory.instance.arrayNode();
        if (all) {
            m().loaded().scenario().regions().forEach(r -> members.add(r.name()));
        }
        change("policies.innovation_alliances.members", members);
    }

    /** Tooltip. */
    public String desInnovationAlliance() {
        return "policies.innovation_alliances.members: all provinces, or none; the three alliance levers act among members";
    }

    /** Alliance technology-barrier cut. */
    public double getAllianceBarrierCut() {
        return number("policies.innovation_alliances.barrier_cut");
    }

    /** Sets {@code policies.innovation_alliances.barrier_cut}. */
    public void setAllianceBarrierCut(double v) {
        set("policies.innovation_alliances.barrier_cut", v);
    }

    /** Slider range. */
    public Object domAllianceBarrierCut() {
        return new Interval(0.0, 1.0);
    }

    /** Tooltip. */
    public String desAllianceBarrierCut() {
        return "policies.innovation_alliances.barrier_cut: cut in the technology barrier among members";
    }

    /** Alliance spillover boost. */
    public double getAllianceSpilloverBoost() {
        return number("policies.innovation_alliances.spillover_boost");
    }

    /** Sets {@code policies.innovation_alliances.spillover_boost}. */
    public void setAllianceSpilloverBoost(double v) {
        set("policies.innovation_alliances.spillover_boost", v);
    }

    /** Slider range. */
    public Object domAllianceSpilloverBoost() {
        return new Interval(0.0, 2.0);
    }

    /** Tooltip. */
    public String desAllianceSpilloverBoost() {
        return "policies.innovation_alliances.spillover_boost: raises the speed of spillovers among members";
    }

    /** Alliance R&amp;D subsidy to member IotF firms. */
    public double getAllianceRdSubsidy() {
        return number("policies.innovation_alliances.rd_subsidy");
    }

    /** Sets {@code policies.innovation_alliances.rd_subsidy}. */
    public void setAllianceRdSubsidy(double v) {
        set("policies.innovation_alliances.rd_subsidy", v);
    }

    /** Slider range. */
    public Object domAllianceRdSubsidy() {
        return new Interval(0.0, 0.1);
    }

    /** Tooltip. */
    public String desAllianceRdSubsidy() {
        return "policies.innovation_alliances.rd_subsidy: R&D subsidy, share of revenue, to members' IotF firms";
    }

    // ------------------------------------------------------------------ province levers

    /** The province the levers below act on, by index. */
    public int getProvince() {
        return province;
    }

    /** Chooses the province the levers below act on (a choice in the GUI, not a change to the model). */
    public void setProvince(int p) {
        province = p;
    }

    /** The provinces, for a pop-up menu. */
    public Object domProvince() {
        return m().loaded().scenario().regions().stream().map(r -> r.name()).toArray(String[]::new);
    }

    /** Tooltip. */
    public String desProvince() {
        return "the province whose talent programme, IotF subsidy, incubation, zone and platform the levers below set";
    }

    /** Talent wage top-up in the chosen province. */
    public double getTalentWageTopUp() {
        return number(talent("wage_top_up"));
    }

    /** Sets {@code policies.talent_program.<province>.wage_top_up}. */
    public void setTalentWageTopUp(double v) {
        setTalent("wage_top_up", v);
    }

    /** Slider range. */
    public Object domTalentWageTopUp() {
        return new Interval(0.0, 0.5);
    }

    /** Tooltip. */
    public String desTalentWageTopUp() {
        return "policies.talent_program.<province>.wage_top_up: top-up on the talent wage as migrants see it";
    }

    /** Talent barrier cut into the chosen province. */
    public double getTalentBarrierCut() {
        return number(talent("barrier_cut"));
    }

    /** Sets {@code policies.talent_program.<province>.barrier_cut}. */
    public void setTalentBarrierCut(double v) {
        setTalent("barrier_cut", v);
    }

    /** Slider range. */
    public Object domTalentBarrierCut() {
        return new Interval(0.0, 1.0);
    }

    /** Tooltip. */
    public String desTalentBarrierCut() {
        return "policies.talent_program.<province>.barrier_cut: cut in the talent barrier into the province";
    }

    /** Talent supply growth per quarter in the chosen province. */
    public double getTalentSupplyGrowth() {
        return number(talent("supply_growth"));
    }

    /** Sets {@code policies.talent_program.<province>.supply_growth}. */
    public void setTalentSupplyGrowth(double v) {
        setTalent("supply_growth", v);
    }

    /** Slider range. */
    public Object domTalentSupplyGrowth() {
        return new Interval(0.0, 0.02);
    }

    /** Tooltip. */
    public String desTalentSupplyGrowth() {
        return "policies.talent_program.<province>.supply_growth: growth of the province's own talent per quarter";
    }

    /** Output subsidy to IotF sectors in the chosen province (the first IotF sector's rate). */
    public double getIotfSubsidy() {
        List<String> sectors = iotfSectors();
        return sectors.isEmpty() ? 0 : number(divisionOfLabor(sectors.get(0)));
    }

    /** Sets the division-of-labour output subsidy of every IotF sector in the chosen province. */
    public void setIotfSubsidy(double v) {
        for (String sector : iotfSectors()) {
            set(divisionOfLabor(sector), v);
        }
    }

    /** Slider range. */
    public Object domIotfSubsidy() {
        return new Interval(0.0, 0.2);
    }

    /** Tooltip. */
    public String desIotfSubsidy() {
        return "policies.division_of_labor.<province>.<sector>: output subsidy rate, set for every IotF sector";
    }

    /** IotF entry subsidy in the chosen province. */
    public double getIotfIncubation() {
        return number(perProvince("policies.iotf_incubation"));
    }

    /** Sets {@code policies.iotf_incubation.<province>}. */
    public void setIotfIncubation(double v) {
        set(perProvince("policies.iotf_incubation"), v);
    }

    /** Slider range. */
    public Object domIotfIncubation() {
        return new Interval(0.0, 3.0);
    }

    /** Tooltip. */
    public String desIotfIncubation() {
        return "policies.iotf_incubation.<province>: raises the IotF entry rate by the factor 1 + s";
    }

    /** Development-zone bonus in the chosen province. */
    public double getDevelopmentZone() {
        return number(perProvince("policies.development_zones"));
    }

    /** Sets {@code policies.development_zones.<province>}. */
    public void setDevelopmentZone(double v) {
        set(perProvince("policies.development_zones"), v);
    }

    /** Slider range. */
    public Object domDevelopmentZone() {
        return new Interval(0.0, 0.2);
    }

    /** Tooltip. */
    public String desDevelopmentZone() {
        return "policies.development_zones.<province>: extra log TFP from development zones";
    }

    /** Extra public R&amp;D share in the chosen province. */
    public double getInnovationPlatform() {
        return number(perProvince("policies.innovation_platforms"));
    }

    /** Sets {@code policies.innovation_platforms.<province>}. */
    public void setInnovationPlatform(double v) {
        set(perProvince("policies.innovation_platforms"), v);
    }

    /** Slider range. */
    public Object domInnovationPlatform() {
        return new Interval(0.0, 0.02);
    }

    /** Tooltip. */
    public String desInnovationPlatform() {
        return "policies.innovation_platforms.<province>: extra public R&D, share of the province's output";
    }

    private String talent(String key) {
        return "policies.talent_program." + region() + "." + key;
    }

    /**
     * A province's talent programme is one mapping whose three keys are all required, so a
     * change sets the whole mapping: the other two keep their values.
     */
    private void setTalent(String key, double v) {
        ObjectNode program = JsonNodeFactory.instance.objectNode();
        for (String k : TALENT_KEYS) {
            program.put(k, k.equals(key) ? v : number(talent(k)));
        }
        change("policies.talent_program." + region(), program);
    }

    private String divisionOfLabor(String sector) {
        return "policies.division_of_labor." + region() + "." + sector;
    }

    private String perProvince(String lever) {
        return lever + "." + region();
    }

    @Override
    public String toString() {
        return "Policy levers";
    }
}
