package yrdsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code yrdsim} in a child JVM with this test's class path: for what a test cannot do to its
 * own process (kill it with SIGKILL, give it a tiny or read-only file system).
 */
final class Child {

    private Child() {
    }

    /** The command line of {@code java -cp CLASSPATH yrdsim.cli.Main ARGS...}. */
    static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Starts {@code command}; its stdout and stderr go to files in {@code logs}. */
    static Process start(List<String> command, Path logs) throws IOException {
        Files.createDirectories(logs);
        return new ProcessBuilder(command)
                .redirectOutput(logs.resolve("stdout").toFile())
                .redirectError(logs.resolve("stderr").toFile())
                .start();
    }

    /** What a finished child printed. */
    record Output(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** Runs {@code command} to the end (at most two minutes). */
    static Output run(List<String> command, Path logs) throws IOException, InterruptedException {
        Process p = start(command, logs);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child did not finish in 2 minutes: " + command);
        }
        return new Output(p.exitValue(), Files.readString(logs.resolve("stdout"), StandardCharsets.UTF_8),
                Files.readString(logs.resolve("stderr"), StandardCharsets.UTF_8));
    }

    /** Waits until {@code file} exists while {@code p} runs; fails if it ends first or a minute passes. */
    static void awaitFile(Process p, Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file)) {
            if (!p.isAlive()) {
                throw new AssertionError("the child ended (exit " + p.exitValue() + ") before " + file + " appeared");
            }
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new AssertionError(file + " did not appear within a minute");
            }
            Thread.sleep(5);
        }
    }

    /**
     * Kills {@code p} with SIGKILL (no shutdown hook runs) once {@code ready} holds, waiting at
     * most two minutes; fails if the child ended first, so the kill really came midway.
     */
    static void killWhen(Process p, java.util.concurrent.Callable<Boolean> ready, Path logs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!ready.call() && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        if (!p.isAlive()) {
            throw new AssertionError("the child must still be running when killed: "
                    + Files.readString(logs.resolve("stderr"), StandardCharsets.UTF_8));
        }
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() == 0) {
            throw new AssertionError("the child did not die of the kill");
        }
    }

    /** Whether this machine lets an unprivileged process make its own user and mount namespace. */
    static boolean canUnshareMounts() {
        try {
            Process p = new ProcessBuilder("unshare", "-rm", "true").redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
