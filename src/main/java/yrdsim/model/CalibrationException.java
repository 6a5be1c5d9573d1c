package yrdsim.model;

/**
 * The step-0 equilibrium cannot be built from this scenario: a fixed point does not converge,
 * or a region holding people or firms cannot be reached by any open route. It is a property of
 * the scenario, found before anything is written.
 */
public final class CalibrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with a message that says which part of the calibration failed. */
    public CalibrationException(String message) {
        super(message);
    }
}
