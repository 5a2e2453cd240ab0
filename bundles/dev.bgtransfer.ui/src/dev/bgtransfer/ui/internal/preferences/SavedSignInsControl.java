package dev.bgtransfer.ui.internal.preferences;

import java.io.IOException;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import dev.bgtransfer.ui.internal.credentials.SavedCredentials;

/** How many sign-ins are kept in secure storage, and a button that forgets them all at once. */
final class SavedSignInsControl {
    private final Optional<SavedCredentials> saved = SavedCredentials.open();
    private final Label count;
    private final Button forget;

    SavedSignInsControl(Composite parent) {
        Composite row = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).indent(0, 12).applyTo(row);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(row);
        count = new Label(row, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(count);
        forget = new Button(row, SWT.PUSH);
        forget.setText(Messages.preferencesForgetSignIns);
        forget.addListener(SWT.Selection, event -> forgetAll());
        update();
    }

    private void forgetAll() {
        try {
            saved.orElseThrow().forgetAll();
        } catch (IOException failed) {
            ILog.of(SavedSignInsControl.class).error(Messages.preferencesSignInsForgotten, failed);
        }
        update();
    }

    private void update() {
        int saves = saved.map(SavedCredentials::count).orElse(0);
        count.setText(NLS.bind(Messages.preferencesSignIns, saves));
        forget.setEnabled(saves > 0);
        count.getParent().layout();
    }
}
