package dev.bgtransfer.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bgtransfer.ui.internal.view.ViewDriver.ToolItemLook;

/**
 * The view's tool bar as Eclipse users expect one: icons, each with its command's name as the tooltip
 * and its shortcut where it has one.
 */
class ToolbarTest extends WorkbenchTest {

    @Test
    void iconsWithTheCommandsNamesAsTooltipsAndNoText() throws Exception {
        List<ToolItemLook> items = view.toolItems();

        assertEquals(List.of(new ToolItemLook("", "Add Download... (Ctrl+N)", true), new ToolItemLook("", "Start All", true),
                new ToolItemLook("", "Stop All", true), new ToolItemLook("", "Reset...", true)), items);
        view.screenshotMaximized("downloads-toolbar");
    }
}
