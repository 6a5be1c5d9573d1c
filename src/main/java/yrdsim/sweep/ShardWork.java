package yrdsim.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yrdsim.output.IoErrors;
import yrdsim.output.Manifest;
import yrdsim.output.OutputDirectory;
import yrdsim.output.RecordedWork;
import yrdsim.output.RefusedException;
import yrdsim.output.RunFailure;
import yrdsim.output.ShardManifests;
import yrdsim.scenario.ScenarioException;

/**
 * One shard's share of a comparison's or an atlas's runs, as a sweep's shards share its runs:
 * the shared directory is locked shared and {@code shards/I-of-N/} alone
 * ({@link OutputDirectory#claimPart}), the shard's manifest records the work's identity, and no
 * table is written: the same command without {@code --shard}, run once every shard is done,
 * finds the runs complete and writes the tables. Shards of another split, or of other work, are
 * refused.
 */
public final class ShardWork {

    private static final Logger LOG = LoggerFactory.getLogger(ShardWork.class);

    private ShardWork() {
    }

    /**
     * Does {@code work} as shard {@code shard} of the work {@code identity} in {@code dir}.
     *
     * @throws RefusedException the directory holds other work, or shards of another split
     */
    public static void run(Path dir, OutputDirectory.Kind kind, Shard shard, Map<String, Object> identity,
                           Clock clock, RecordedWork.Work work) throws RunFailure, RefusedException, ScenarioException {
        Path part = dir.resolve(ShardManifests.DIRECTORY).resolve(shard.label());
        OutputDirectory.Identity same = (d, manifest) -> {
            if (manifest != null && !OutputDirectory.Identity.fields(identity).matches(d, manifest)) {
                throw new RefusedException(d + " holds a different " + kind.name() + "; give a new --out");
            }
            ShardManifests.refuseOther(d, identity, kind.name());
            Set<Integer> splits = Shard.splits(d.resolve(ShardManifests.DIRECTORY));
            splits.remove(shard.count());
            if (!splits.isEmpty()) {
                throw new RefusedException(d + " is run in " + splits.iterator().next() + " shards, but this is shard "
                        + shard + ": the two splits would run some runs twice and others never; give the same N");
            }
            return true;
        };
        try (OutputDirectory out = OutputDirectory.claimPart(dir, part, kind, same, clock)) {
            if (out.decision() == OutputDirectory.Decision.DONE) {
                LOG.info("{} already holds this {}, complete; shard {} has nothing to do", dir, kind.name(), shard);
                return;
            }
            Manifest manifest = new Manifest(part, clock);
            identity.forEach(manifest::put);
            manifest.put("shard", shard.toString());
            manifest.stamp("started_at");
            RecordedWork.run(manifest, part, () -> {
                manifest.write(Manifest.RUNNING);
                work.run();
                manifest.stamp("finished_at");
                manifest.complete();
            });
        } catch (IOException e) {
            throw new RunFailure("cannot prepare " + dir + ": " + IoErrors.describe(e), e);
        }
    }
}
