package yrdsim.output;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * I/O errors as the one line a user reads: the path and the reason, without the exception
 * class. Every command that writes or reads an output directory reports through it, so the
 * same failure reads the same in {@code run}, {@code compare}, {@code sweep} and {@code report}.
 */
public final class IoErrors {

    private IoErrors() {
    }

    /** One line for an I/O error: the path and the reason, without the exception class. */
    public static String describe(Throwable e) {
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() != null ? f.getReason()
                    : f instanceof AccessDeniedException ? "permission denied"
                    : f instanceof NoSuchFileException ? "no such file or directory"
                    : f instanceof FileAlreadyExistsException ? "exists and is not a directory"
                    : f instanceof NotDirectoryException ? "not a directory"
                    : f.getClass().getSimpleName();
            return (f.getFile() != null ? f.getFile() + ": " : "") + reason;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
