package yrdsim.ui;

import java.awt.Color;
import yrdsim.model.Structure;

/**
 * Colours of sectors on the map: each Industry of the Future gets its own vivid colour, and
 * traditional sectors share muted tones, so that the new industries stand out where they
 * gather. Colours follow sector order within each kind and repeat past the palette's end.
 */
final class SectorColors {

    /** Vivid, mutually distinct hues (after Sasha Trubetskoy's list of 20 distinct colours). */
    private static final Color[] VIVID = {
        new Color(0xE6194B), new Color(0x3CB44B), new Color(0x4363D8), new Color(0xF58231),
        new Color(0x911EB4), new Color(0x00B8C8), new Color(0xF032E6), new Color(0x9A6324),
    };
    /** Muted greys and earth tones, light enough to sit under the vivid dots. */
    private static final Color[] MUTED = {
        new Color(0xA7A39A), new Color(0xB8AFA0), new Color(0x9EA8AD), new Color(0xBDB6AA),
        new Color(0xA9A9A0), new Color(0xB3A79B), new Color(0xA3ADA4), new Color(0xB9B2B8),
    };

    private final Color[] colors;
    private final int[] argb;

    /** Colours for the sectors of {@code st}. */
    SectorColors(Structure st) {
        colors = new Color[st.sectors];
        argb = new int[st.sectors];
        int vivid = 0;
        int muted = 0;
        for (int s = 0; s < st.sectors; s++) {
            colors[s] = st.iotf(s) ? VIVID[vivid++ % VIVID.length] : MUTED[muted++ % MUTED.length];
            argb[s] = colors[s].getRGB();
        }
    }

    /** Colour of sector {@code s}. */
    Color color(int s) {
        return colors[s];
    }

    /** Opaque ARGB of sector {@code s}, for writing pixels. */
    int argb(int s) {
        return argb[s];
    }
}
