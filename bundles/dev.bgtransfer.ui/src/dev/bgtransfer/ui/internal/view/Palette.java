package dev.bgtransfer.ui.internal.view;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;

/**
 * The colors the painted cells use, for a light table or a dark one. Which one follows the table's
 * own background, so that the view reads well whether the dark look comes from the desktop (GTK's
 * dark theme, macOS or Windows dark mode) or from the workbench's dark theme, whose CSS sets the
 * table's colors.
 */
enum Palette {
    /** On a light background. */
    LIGHT(new Color(250, 250, 251), new Color(150, 156, 165), new Color(40, 44, 52), new Color(185, 188, 194),
            new Color(25, 125, 55), new Color(175, 25, 25), new Color(226, 229, 234), new Color(175, 180, 188),
            new Color(30, 30, 30)),
    /** On a dark background: dark faces, light glyphs, brighter greens and reds. */
    DARK(new Color(64, 67, 72), new Color(110, 116, 125), new Color(228, 230, 235), new Color(100, 104, 112),
            new Color(110, 205, 130), new Color(255, 120, 110), new Color(58, 61, 66), new Color(95, 100, 108),
            new Color(225, 225, 225));

    /** A row button's face, border, glyph, and glyph when the button does nothing now. */
    final Color buttonFace;
    final Color buttonBorder;
    final Color glyph;
    final Color glyphDisabled;
    /** "Ready" or "Uploaded" in place of the buttons. */
    final Color done;
    /** A failure's sentence. */
    final Color failure;
    /** The progress bar's empty part, its border, and the percentage over it. */
    final Color track;
    final Color trackBorder;
    final Color trackText;

    Palette(Color buttonFace, Color buttonBorder, Color glyph, Color glyphDisabled, Color done, Color failure,
            Color track, Color trackBorder, Color trackText) {
        this.buttonFace = buttonFace;
        this.buttonBorder = buttonBorder;
        this.glyph = glyph;
        this.glyphDisabled = glyphDisabled;
        this.done = done;
        this.failure = failure;
        this.track = track;
        this.trackBorder = trackBorder;
        this.trackText = trackText;
    }

    /** @return the palette for the control being painted */
    static Palette of(Event event) {
        return event.widget instanceof Control control ? forBackground(control.getBackground().getRGB()) : LIGHT;
    }

    /** @return {@link #DARK} for a background darker than mid-grey (by relative luminance), else {@link #LIGHT} */
    static Palette forBackground(RGB background) {
        double luminance = 0.2126 * background.red + 0.7152 * background.green + 0.0722 * background.blue;
        return luminance < 128 ? DARK : LIGHT;
    }
}
