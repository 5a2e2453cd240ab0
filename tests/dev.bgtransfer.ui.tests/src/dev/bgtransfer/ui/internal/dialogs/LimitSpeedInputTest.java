package dev.bgtransfer.ui.internal.dialogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What Limit Speed takes as a rate, and the sentence it shows for what it does not. */
class LimitSpeedInputTest {

    @Test
    void ratesInCurlsSyntaxAreTaken() {
        for (String rate : new String[] { "500k", "1.5m", "2G", "1000", " 64k ", "0" }) {
            assertNull(LimitSpeedDialog.problem(rate), rate);
        }
    }

    @Test
    void anythingElseIsASentence() {
        assertEquals("Type a rate, such as 500k or 2m, or choose No limit.", LimitSpeedDialog.problem("  "));
        assertEquals("\"fast\" is no rate: give bytes per second, optionally with k, m or g for KiB, MiB or GiB "
                + "(200k, 1.5m)", LimitSpeedDialog.problem("fast"));
        assertEquals("\"-5k\" is no rate: give bytes per second, optionally with k, m or g for KiB, MiB or GiB "
                + "(200k, 1.5m)", LimitSpeedDialog.problem("-5k"));
    }
}
