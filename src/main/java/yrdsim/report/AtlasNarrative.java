package yrdsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The atlas report's sentences, written from the numbers by fixed rules so that no sentence says
 * more than its interval allows: an effect is "raises" or "lowers" only when its 95% interval
 * (with parameter uncertainty, when the atlas has draws) excludes zero; when only the seed-only
 * interval does, the sentence says the parameters decide; otherwise it says the effect cannot be
 * told from zero. A channel is named as carrying an effect only when its own interval excludes zero.
 */
final class AtlasNarrative {

    private AtlasNarrative() {
    }

    /** One bullet per measure, in the ranking's order. */
    static String of(AtlasData d, List<Ranking.Entry> ranked) {
        StringBuilder b = new StringBuilder();
        int rank = 1;
        for (Ranking.Entry e : ranked) {
            String policy = e.policy();
            b.append("- **").append(policy).append("** (rank ").append(rank++).append("): ")
                    .append(effect(d.effect(policy, AtlasReport.SHARE), "the delta's IotF share at the end", 100,
                            "pp"))
                    .append("; ").append(effect(d.effect(policy, AtlasReport.REVENUE), "IotF revenue over the run", 1,
                            "bn yuan"))
                    .append("; ").append(cost(d.effect(policy, AtlasReport.COST))).append(". ")
                    .append(channels(d.channels().getOrDefault(policy, Map.of()).get(AtlasReport.SHARE)))
                    .append('\n');
        }
        return b.toString();
    }

    /** A sentence part for an effect: "raises X by +a unit [l, h]", with the rules above. */
    static String effect(AtlasData.Effect e, String what, double scale, String unit) {
        if (e == null || Double.isNaN(e.effect())) {
            return "no value for " + what;
        }
        String value = AtlasReport.interval(e, scale) + " " + unit;
        return switch (e.distinct()) {
            case "yes" -> e.effect() > 0 ? "raises " + what + " by " + value
                    : "lowers " + what + " by " + Markdown.number(-e.effect() * scale, 3) + " " + unit + " ["
                    + Markdown.number(-e.high() * scale, 3) + ", " + Markdown.number(-e.low() * scale, 3) + "]";
            case "seeds_only" -> "moves " + what + " by " + value + ", which seed noise alone would tell from zero ["
                    + Markdown.number(e.lowSeeds() * scale, 3) + ", " + Markdown.number(e.highSeeds() * scale, 3)
                    + "] but parameter uncertainty does not: the parameters decide whether it has an effect";
            default -> "its effect on " + what + " cannot be told from zero (" + value + ")";
        };
    }

    private static String cost(AtlasData.Effect e) {
        if (e == null || Double.isNaN(e.effect())) {
            return "no value for its net public cost";
        }
        String value = AtlasReport.interval(e, 1) + " bn yuan";
        if (!"yes".equals(e.distinct())) {
            return "its net public cost cannot be told from zero (" + value + ")";
        }
        if (e.effect() > 0) {
            return "it costs " + Markdown.number(e.effect(), 3) + " bn yuan [" + Markdown.number(e.low(), 3) + ", "
                    + Markdown.number(e.high(), 3) + "] net of carbon revenue";
        }
        return "it saves " + Markdown.number(-e.effect(), 3) + " bn yuan [" + Markdown.number(-e.high(), 3) + ", "
                + Markdown.number(-e.low(), 3) + "] net (its carbon revenue exceeds its spending)";
    }

    private static String channels(List<AtlasData.Part> parts) {
        if (parts == null || parts.isEmpty()) {
            return "No channel decomposition.";
        }
        List<String> carried = new ArrayList<>();
        for (AtlasData.Part p : parts) {
            if (p.low() > 0 || p.high() < 0) {
                String share = Double.isFinite(p.share()) ? ", " + Markdown.number(p.share() * 100, 2) + "% of it"
                        : "";
                carried.add(Labels.words(p.channel()) + " " + AtlasReport.signed(p.shapley() * 100) + " pp ["
                        + Markdown.number(p.low() * 100, 2) + ", " + Markdown.number(p.high() * 100, 2) + "]" + share);
            }
        }
        if (carried.isEmpty()) {
            return "No channel's part of the effect on the IotF share can be told from zero.";
        }
        return "Parts of the effect on the IotF share that can be told from zero: " + String.join("; ", carried)
                + ".";
    }

    /** The paragraph on effects that seed noise tells from zero and parameter uncertainty does not. */
    static String parameterDecided(AtlasData d) {
        if (!d.withDraws()) {
            return "This atlas has no parameter draws, so its intervals are of seed noise alone and it cannot say "
                    + "whether the parameters' uncertainty decides an effect.\n";
        }
        List<String> decided = new ArrayList<>();
        for (String policy : d.policies()) {
            for (Map.Entry<String, AtlasData.Effect> m : d.effects().get(policy).entrySet()) {
                if ("seeds_only".equals(m.getValue().distinct())) {
                    decided.add(policy + " on " + Labels.metric(m.getKey()));
                }
            }
        }
        if (decided.isEmpty()) {
            return "Counting parameter uncertainty turns no effect that seed noise tells from zero into one that "
                    + "cannot be: where the atlas finds an effect, the parameters' uncertainty does not undo it.\n";
        }
        return "Effects that seed noise alone tells from zero but parameter uncertainty does not, so that the "
                + "parameters decide the answer: " + String.join("; ", decided) + ".\n";
    }
}
