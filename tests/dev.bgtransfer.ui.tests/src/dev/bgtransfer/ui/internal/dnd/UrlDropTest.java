package dev.bgtransfer.ui.internal.dnd;

import static dev.bgtransfer.junit.TransferFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.URLTransfer;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.junit.TestFile;
import dev.bgtransfer.ui.internal.WorkbenchSession;
import dev.bgtransfer.ui.internal.view.ViewDriver;
import dev.bgtransfer.ui.tests.Ui;
import dev.bgtransfer.ui.tests.WorkbenchTest;

/**
 * Dropping on the Downloads view. No drag can be made under Xvfb without a second program, so the
 * test checks that the table is a drop target for links, files and text, then hands the view's own
 * drop listener what SWT hands it for a drop.
 */
class UrlDropTest extends WorkbenchTest {

    @Test
    void theTableTakesLinksFilesAndText() {
        DropTarget target = (DropTarget) view.table().getData(DND.DROP_TARGET_KEY);

        assertNotNull(target, "the table is a drop target");
        assertEquals(Set.of(URLTransfer.class, FileTransfer.class, TextTransfer.class),
                Arrays.stream(target.getTransfer()).map(Object::getClass).collect(Collectors.toSet()));
        assertTrue((target.getStyle() & DND.DROP_COPY) != 0);
    }

    @Test
    void aDroppedFileOfUrlsAddsEachToTheWorkbenchAndTheBadLineIsNamed() throws Exception {
        TestFile one = server.addFile("/files/dropped-1.bin", 150_000, 61);
        TestFile two = server.addFile("/files/dropped-2.bin", 250_000, 62);
        Path list = Files.writeString(folder.resolve("links.txt"), server.uri(one.path()) + "\nnot a link\n"
                + server.uri(two.path()) + "\n");
        List<String> warning = new ArrayList<>();
        Ui.whenShellOpens("Dropped Downloads", shell -> {
            Ui.find(shell, Label.class, label -> !label.getText().isEmpty()).forEach(label -> warning.add(label.getText()));
            Ui.select(Ui.button(shell, "OK"));
        });

        UrlDrop.of(view.table()).add(DroppedUrls.ofFiles(new String[] { list.toString() }));

        assertEquals(List.of("2 downloads were added. These lines were not:\n\n"
                + "Line 2 of links.txt: The URL does not start with http:// or https://."), warning);
        view.waitForRows(2);
        view.waitForCell(0, ViewDriver.CONTROLS, "Ready");
        view.waitForCell(1, ViewDriver.CONTROLS, "Ready");
        assertEquals(one.sha256(), sha256(folder.resolve("dropped-1.bin")));
        assertEquals(two.sha256(), sha256(folder.resolve("dropped-2.bin")));
        for (Transfer transfer : fixture.service().transfers()) {
            assertTrue(WorkbenchSession.isWorkbench(transfer.session()), transfer.session());
        }
    }
}
