package yrdsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import yrdsim.output.AtomicFiles;
import yrdsim.output.RefusedException;

/**
 * The atlas's report.md (and report.html): the paper's question answered measure by measure,
 * from the atlas's tables alone ({@link AtlasData}), so that the same tables always give the
 * same text. Sections: provenance, the ranking by effect per yuan ({@link Ranking}), the
 * narrative ({@link AtlasNarrative}), effects by province, the revenue yardsticks, clusters,
 * emissions and convergence, the channel shares, and where the assumptions decide the answer
 * (the largest Sobol indices, and effects that only seed noise tells from zero).
 */
public final class AtlasReport {

    /** The self-contained HTML version of the report. */
    public static final String HTML = "report.html";

    static final String SHARE = "iotf_revenue_share." + Labels.WHOLE_DELTA_KEY;
    static final String REVENUE = "iotf_revenue_total_bn";
    static final String COST = "budget.net_cost_total_bn";
    static final String RATIO = "benefit_cost_ratio";
    private static final List<String> OUTCOMES = List.of("clusters.iotf_emerged", "clusters.active_at_end",
            "emissions.total_mt", "output_per_worker_cv.end");

    private AtlasReport() {
    }

    /** Writes report.md and report.html into the atlas directory {@code dir} from its tables. */
    public static void write(Path dir) throws IOException, RefusedException {
        Path md = dir.resolve(Reports.REPORT);
        AtomicFiles.write(md, markdown(dir));
        Html.write(md);
    }

    /** The report's text for the atlas tables in {@code dir}. */
    public static String markdown(Path dir) throws IOException, RefusedException {
        AtlasData d = AtlasData.read(dir);
        StringBuilder b = new StringBuilder("# Policy atlas\n\n");
        b.append(provenance(d)).append("\n\n");
        List<Ranking.Entry> ranked = ranking(d);
        b.append("## Ranking by effect per yuan\n\n").append(rankingTable(d, ranked)).append('\n');
        b.append("## What the numbers say\n\n").append(AtlasNarrative.of(d, ranked)).append('\n');
        b.append("## Seed noise and parameter uncertainty\n\n").append(uncertainty(d)).append('\n');
        b.append("## Effects by province\n\n").append(provinces(d)).append('\n');
        b.append("## Revenue yardsticks\n\n").append(yardsticks(d)).append('\n');
        b.append("## Clusters, emissions and convergence\n\n").append(outcomes(d)).append('\n');
        b.append("## Channels\n\n").append(channels(d)).append('\n');
        b.append("## Where the assumptions decide the answer\n\n").append(assumptions(d));
        return b.toString();
    }

    private static String provenance(AtlasData d) {
        JsonNode p = d.provenance();
        StringBuilder b = new StringBuilder("Every measure against the baseline ")
                .append(Markdown.code(p.path("baseline").path("path").asText())).append(" on ")
                .append(p.path("replications").asInt()).append(" common seeds (");
        List<Long> seeds = new ArrayList<>();
        p.path("seeds").forEach(s -> seeds.add(s.asLong()));
        b.append(Reports.seedList(seeds)).append("), ").append(p.path("steps").asText()).append(" quarters");
        if (p.path("overrides").size() > 0) {
            b.append(", with ").append(Reports.overrides(p.path("overrides")));
        }
        b.append(". yrdsim ").append(p.path("yrdsim_version").asText()).append(", commit ")
                .append(Markdown.code(p.path("git_commit").asText())).append(".\n\n");
        b.append("Effects are policy minus baseline on the same seed (paired), with 95% intervals");
        if (d.withDraws()) {
            JsonNode draws = p.path("parameter_draws");
            b.append(" that cover seed noise and parameter uncertainty: every scenario also ran at ")
                    .append(draws.path("n").asInt()).append(" parameter vectors drawn around the scenarios' own ")
                    .append("values with the sandwich covariance of the calibration ")
                    .append(Markdown.code(Path.of(draws.path("estimates").path("path").asText()).getParent()
                            .toString())).append(" (estimates.csv SHA-256 ")
                    .append(draws.path("estimates").path("sha256").asText(), 0, 12).append("...)");
        } else {
            b.append(" of seed noise alone (no parameter draws)");
        }
        b.append(". The channel shares come from sampled Shapley values over ")
                .append(p.path("channel_samples").asInt()).append(" order(s) of the 7 channels at the scenarios' ")
                .append("own values.");
        if (!p.path("sobol").isNull()) {
            b.append(" The Sobol indices come from ").append(Markdown.code(p.path("sobol").path("path").asText()))
                    .append('.');
        }
        return b.toString();
    }

    /** The measures with their benefit and cost, ranked. */
    static List<Ranking.Entry> ranking(AtlasData d) {
        List<Ranking.Entry> entries = new ArrayList<>();
        for (String policy : d.policies()) {
            AtlasData.Effect benefit = d.effect(policy, REVENUE);
            AtlasData.Effect cost = d.effect(policy, COST);
            if (benefit != null && cost != null) {
                entries.add(new Ranking.Entry(policy, benefit.effect(), cost.effect()));
            }
        }
        return Ranking.rank(entries);
    }

    private static String rankingTable(AtlasData d, List<Ranking.Entry> ranked) {
        List<List<String>> rows = new ArrayList<>();
        int rank = 1;
        for (Ranking.Entry e : ranked) {
            AtlasData.Effect ratio = d.effect(e.policy(), RATIO);
            rows.add(List.of(Integer.toString(rank++), e.policy(), tier(e.tier()),
                    interval(d.effect(e.policy(), REVENUE), 1), interval(d.effect(e.policy(), COST), 1),
                    e.tier() == Ranking.Tier.PRICED ? interval(ratio, 1) : "–",
                    interval(d.effect(e.policy(), SHARE), 100)));
        }
        return Markdown.table(List.of("rank", "measure", "tier", "IotF revenue over the run, bn yuan",
                "net public cost, bn yuan", "IotF revenue per yuan", "IotF share at the end, pp"), rows)
                + "\nTiers: measures that gain IotF revenue at no net public cost come first (by the gain), then "
                + "measures that cost money by IotF revenue per yuan, then those that cost nothing and gain "
                + "nothing. A ratio is shown only for a measure that costs money. The ranks order the mean effects: "
                + "where a measure's IotF revenue or cost cannot be told from zero (the intervals here, and the next "
                + "section), its place is uncertain too.\n";
    }

    private static String tier(Ranking.Tier tier) {
        return switch (tier) {
            case GAIN_WITHOUT_COST -> "gain at no net cost";
            case PRICED -> "costs money";
            case NO_GAIN -> "no gain, no cost";
        };
    }

    private static String uncertainty(AtlasData d) {
        if (!d.withDraws()) {
            return "This atlas has no parameter draws: every interval is of seed noise alone.\n";
        }
        List<List<String>> rows = new ArrayList<>();
        for (String policy : d.policies()) {
            for (String metric : List.of(SHARE, REVENUE)) {
                AtlasData.Effect e = d.effect(policy, metric);
                double scale = metric.equals(SHARE) ? 100 : 1;
                if (e == null) {
                    continue;
                }
                rows.add(List.of(policy, metric.equals(SHARE) ? "IotF share at the end, pp"
                                : "IotF revenue over the run, bn yuan", signed(e.effect() * scale),
                        range(e.lowSeeds(), e.highSeeds(), scale), range(e.low(), e.high(), scale),
                        Markdown.number(e.sdSeeds() * scale, 2), Markdown.number(e.sdParams() * scale, 2)));
            }
        }
        return "Each effect's 95% interval from seed noise alone and with parameter uncertainty, and the two "
                + "standard deviations they combine: of the mean effect over the seeds, and of the effect over the "
                + "parameter draws, estimated from the draws-by-seeds layout as max(0, MS_draws - MS_residual) "
                + "(DrawInterval). A 0 means the draws moved the effect no more than seed noise explains; with few "
                + "draws that estimate is rough, and its interval takes the draws' fewer degrees of freedom.\n\n" + Markdown.table(List.of("measure", "metric", "effect",
                "seeds only", "seeds and parameters", "sd from seeds", "sd from parameters"), rows);
    }

    private static String range(double low, double high, double scale) {
        return Double.isNaN(low) ? "–" : "[" + Markdown.number(low * scale, 3) + ", " + Markdown.number(high * scale, 3)
                + "]";
    }

    private static String provinces(AtlasData d) {
        List<String> keys = new ArrayList<>();
        d.effects().values().forEach(m -> m.keySet().stream().filter(k -> k.startsWith("iotf_revenue_share."))
                .filter(k -> !keys.contains(k)).forEach(keys::add));
        List<String> header = new ArrayList<>(List.of("measure"));
        keys.forEach(k -> header.add(Labels.region(k.substring(k.indexOf('.') + 1))));
        List<List<String>> rows = new ArrayList<>();
        for (String policy : d.policies()) {
            List<String> row = new ArrayList<>(List.of(policy));
            keys.forEach(k -> row.add(interval(d.effect(policy, k), 100)));
            rows.add(row);
        }
        return "Effect on the IotF share of manufacturing revenue at the end of the run, in percentage points.\n\n"
                + Markdown.table(header, rows);
    }

    private static String yardsticks(AtlasData d) {
        List<List<String>> rows = new ArrayList<>();
        for (String policy : d.policies()) {
            for (Map.Entry<String, AtlasData.Effect> m : d.effects().get(policy).entrySet()) {
                AtlasData.Effect e = m.getValue();
                if (!Labels.isYardstick(m.getKey()) || e.baselineReached() + e.policyReached() == 0) {
                    continue;
                }
                String[] part = m.getKey().split("\\.");
                rows.add(List.of(policy, Labels.words(part[1]), part[2].contains("500bn") ? "500 bn" : "1 tn",
                        e.baselineReached() + " of " + e.runs(), e.policyReached() + " of " + e.runs(),
                        Double.isNaN(e.effect()) ? "–" : signed(-e.effect()) + " [" + Markdown.number(-e.high(), 3)
                                + ", " + Markdown.number(-e.low(), 3) + "]"));
            }
        }
        if (rows.isEmpty()) {
            return "No IotF sector reaches 500 bn yuan of revenue a year in any run, under the baseline or any "
                    + "measure, so no measure gains or loses quarters to the yardsticks.\n";
        }
        return "The quarter in which an IotF sector first reaches 500 bn (or 1 tn) yuan of revenue a year; quarters "
                + "gained are the paired difference, baseline minus policy, over the seeds where both reach it.\n\n"
                + Markdown.table(List.of("measure", "sector", "yardstick", "baseline reaches it in",
                "measure reaches it in", "quarters gained"), rows);
    }

    private static String outcomes(AtlasData d) {
        List<String> header = new ArrayList<>(List.of("measure"));
        OUTCOMES.forEach(m -> header.add(Labels.metric(m)));
        List<List<String>> rows = new ArrayList<>();
        for (String policy : d.policies()) {
            List<String> row = new ArrayList<>(List.of(policy));
            OUTCOMES.forEach(m -> row.add(interval(d.effect(policy, m), 1)));
            rows.add(row);
        }
        return "Paired effects: IotF clusters that emerge over the run and clusters active at its end (counts), "
                + "emissions summed over the run (Mt CO2), and convergence as the CV of output per worker across "
                + "provinces at the end (lower is more equal).\n\n" + Markdown.table(header, rows);
    }

    private static String channels(AtlasData d) {
        List<String> names = new ArrayList<>();
        d.channels().values().forEach(m -> m.getOrDefault(SHARE, List.of()).forEach(p -> {
            if (!names.contains(p.channel())) {
                names.add(p.channel());
            }
        }));
        List<String> header = new ArrayList<>(List.of("measure", "total, pp"));
        names.forEach(n -> header.add(Labels.words(n)));
        List<List<String>> rows = new ArrayList<>();
        for (String policy : d.policies()) {
            List<AtlasData.Part> parts = d.channels().getOrDefault(policy, Map.of()).getOrDefault(SHARE, List.of());
            if (parts.isEmpty()) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(policy, signed(parts.get(0).total() * 100)));
            AtlasData.Effect total = d.effect(policy, SHARE);
            boolean shares = total != null && !"no".equals(total.distinct());
            for (String n : names) {
                row.add(parts.stream().filter(p -> p.channel().equals(n)).findFirst().map(p -> part(p, shares))
                        .orElse("–"));
            }
            rows.add(row);
        }
        return "How each measure's effect on the delta's IotF share at the end divides among the channels "
                + "(MODEL-2 10): the Shapley value in percentage points with its 95% interval over the seeds, and in "
                + "brackets its share of the total (left out where the total cannot be told from zero even by seed "
                + "noise, since a share of nothing says nothing); \"direct\" is the effect with every channel "
                + "switched off.\n\n"
                + Markdown.table(header, rows);
    }

    private static String part(AtlasData.Part p, boolean share) {
        String s = signed(p.shapley() * 100) + " [" + Markdown.number(p.low() * 100, 2) + ", "
                + Markdown.number(p.high() * 100, 2) + "]";
        return share && Double.isFinite(p.share()) ? s + " (" + Markdown.number(p.share() * 100, 2) + "%)" : s;
    }

    private static String assumptions(AtlasData d) {
        StringBuilder b = new StringBuilder();
        if (d.sensitivity().isEmpty()) {
            b.append("This atlas ran without a Sobol sweep, so it cannot say which parameters decide the answer.\n");
        } else {
            b.append("The estimated parameters by total-order Sobol index (with its 95% interval), largest first, ")
                    .append("for each outcome of the baseline: the parameters whose uncertainty moves the outcome ")
                    .append("most, so the ones on which the answer rests. Beside them, the sum of the first-order ")
                    .append("indices (far below 1 when the parameters act together, in a corner of their ranges, ")
                    .append("rather than one by one) and the outcome's range over the sweep's runs.\n\n");
            List<List<String>> rows = new ArrayList<>();
            List<String> metrics = d.sensitivity().stream().map(AtlasData.Index::metric).distinct().toList();
            for (String metric : metrics) {
                List<AtlasData.Index> all = d.sensitivity().stream().filter(i -> i.metric().equals(metric)).toList();
                List<AtlasData.Index> top = all.stream()
                        .sorted(Comparator.comparingDouble(AtlasData.Index::totalOrder).reversed()).limit(3).toList();
                List<String> row = new ArrayList<>(List.of(Labels.metric(metric)));
                for (int k = 0; k < 3; k++) {
                    row.add(k < top.size() ? Markdown.code(top.get(k).parameter()) + " "
                            + Markdown.number(top.get(k).totalOrder(), 2) + " ± "
                            + Markdown.number(top.get(k).totalCi(), 2) : "–");
                }
                row.add(Markdown.number(all.stream().mapToDouble(AtlasData.Index::firstOrder).sum(), 2));
                double[] range = d.sweepRange().get(metric);
                double scale = Labels.chartScale(metric);
                row.add(range == null ? "–" : Markdown.number(range[0] * scale, 3) + " / "
                        + Markdown.number(range[1] * scale, 3) + " / " + Markdown.number(range[2] * scale, 3));
                rows.add(row);
            }
            b.append(Markdown.table(List.of("outcome", "largest", "second", "third", "Σ first-order",
                    "min / median / max over the sweep"), rows));
        }
        b.append('\n').append(AtlasNarrative.parameterDecided(d));
        return b.toString();
    }

    /** "+0.87 [0.82, 0.91]" for an effect times {@code scale}; an en dash without a value. */
    static String interval(AtlasData.Effect e, double scale) {
        if (e == null || Double.isNaN(e.effect())) {
            return "–";
        }
        String s = signed(e.effect() * scale);
        if (Double.isNaN(e.low())) {
            return s;
        }
        return s + " [" + Markdown.number(e.low() * scale, 3) + ", " + Markdown.number(e.high() * scale, 3) + "]";
    }

    /** A number with three significant digits and its sign. */
    static String signed(double v) {
        String s = Markdown.number(v, 3);
        return v > 0 ? "+" + s : s;
    }
}
