package yrdsim.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs the command line in this JVM and captures what it prints. System.out and System.err
 * are swapped for the call, so calls are serialized: every test that runs the command line
 * in-process goes through here.
 *
 * @param code exit code
 * @param out  what went to stdout
 * @param err  what went to stderr (log lines included)
 */
public record Cli(int code, String out, String err) {

    private static final Object STREAMS = new Object();

    /** {@code yrdsim ARGS...} in this JVM. */
    public static Cli run(String... args) {
        synchronized (STREAMS) {
            PrintStream realOut = System.out;
            PrintStream realErr = System.err;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code;
            try {
                code = Main.execute(args);
            } finally {
                System.setOut(realOut);
                System.setErr(realErr);
            }
            return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Non-empty lines of stderr. */
    public List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }

    /** Whether stderr shows a Java stack trace or an exception class name. */
    public boolean hasStackTrace() {
        return err.contains("\tat ") || err.contains("Exception") || err.contains("internal error");
    }
}
