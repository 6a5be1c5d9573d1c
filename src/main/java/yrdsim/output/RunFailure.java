package yrdsim.output;

/** A run that started and then failed (exit code 1): a model guard, a full disk, an I/O error. */
public final class RunFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** A failure with a one-line message that names what failed and where. */
    public RunFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
