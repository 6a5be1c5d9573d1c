package yrdsim.model;

/**
 * The model reached a state it cannot continue from, such as a non-finite or negative value.
 * The message names the step, region, sector and variable.
 */
public final class ModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with a message that locates it. */
    public ModelException(String message) {
        super(message);
    }
}
