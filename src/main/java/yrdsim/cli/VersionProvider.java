package yrdsim.cli;

import picocli.CommandLine;
import yrdsim.output.Provenance;

/** {@code --version}: yrdsim, commit, MASON and Java. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "yrdsim " + Provenance.version() + " (" + Provenance.gitCommit() + ")",
            "MASON " + Provenance.masonVersion() + ", Java " + Provenance.javaVersion()
        };
    }
}
