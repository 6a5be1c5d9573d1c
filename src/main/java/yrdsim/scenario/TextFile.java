package yrdsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The text of a scenario or sweep file: its size is checked before it is read, so an enormous
 * file is refused at once rather than read whole into memory, and its bytes must be UTF-8, with
 * the line and column of the first that is not.
 */
public final class TextFile {

    /**
     * The largest file read, in bytes, checked before reading. The largest scenario the limits on
     * regions and sectors allow, with every matrix and share written out, is well under 1 MiB (the
     * shipped ones are under 20 kB); the YAML parser reads about 1 MB a second.
     */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private TextFile() {
    }

    /**
     * The bytes of {@code file}, refused before they are read when there are more than
     * {@link #MAX_BYTES}: a size a scenario never has, and one that a stray link to a disk image
     * would otherwise read whole into memory.
     *
     * @throws ScenarioException when the file is missing, not a file, unreadable or too large
     */
    public static byte[] readBytes(Path file) throws ScenarioException {
        String name = file.toString();
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw new ScenarioException(new Problem(new Location(name, 0, 0), "", "is a directory, not a file"));
            }
            if (attributes.isRegularFile() && attributes.size() > MAX_BYTES) {
                throw tooLarge(name, attributes.size() + " bytes");
            }
            // A pipe or device has no size to check: read one byte past the limit to see if it is over.
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw tooLarge(name, "more than " + MAX_BYTES + " bytes");
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new ScenarioException(new Problem(new Location(name, 0, 0), "", "no such file"
                    + Suggestions.similarFile(file)));
        } catch (IOException e) {
            throw new ScenarioException(new Problem(new Location(name, 0, 0), "", "cannot read: " + e.getMessage()));
        }
    }

    private static ScenarioException tooLarge(String name, String size) {
        return new ScenarioException(new Problem(new Location(name, 0, 0), "", "the file is too large (" + size
                + "); a scenario or sweep file may have at most " + MAX_BYTES / (1024 * 1024) + " MiB"));
    }

    /**
     * {@code bytes} as UTF-8 text.
     *
     * @throws ScenarioException naming the line and column of the first byte that is not UTF-8
     */
    public static String decode(byte[] bytes, String file) throws ScenarioException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int lineStart = 0;
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String before = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8);
            int column = before.codePointCount(0, before.length()) + 1;
            StringBuilder bad = new StringBuilder();
            for (int i = at; i < Math.min(bytes.length, at + Math.max(1, result.length())); i++) {
                bad.append(String.format(" 0x%02X", bytes[i] & 0xFF));
            }
            throw new ScenarioException(new Problem(new Location(file, line, column), "",
                    "not valid UTF-8 (byte" + (bad.length() > 5 ? "s" : "") + bad + "); save the file as UTF-8"));
        }
        return out.flip().toString();
    }
}
