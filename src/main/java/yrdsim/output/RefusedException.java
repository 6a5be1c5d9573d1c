package yrdsim.output;

/** The request cannot be carried out as given (exit code 2), such as an output directory in use. */
public final class RefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A refusal with a one-line reason. */
    public RefusedException(String message) {
        super(message);
    }
}
