package dev.bgtransfer.ui.internal.preferences;

import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

/**
 * A speed typed in KB/s (1000 bytes, as the view shows sizes) and kept in bytes per second. A value
 * the field cannot show exactly (set by another bundle) is left as it is unless the person changes it.
 */
final class KilobytesPerSecondField extends IntegerFieldEditor {
    private static final long KILOBYTE = 1000;
    private String loaded = ""; //$NON-NLS-1$

    KilobytesPerSecondField(String name, String label, Composite parent, int maxKilobytesPerSecond) {
        super(name, label, parent, 7);
        setValidRange(0, maxKilobytesPerSecond);
    }

    @Override
    protected void doLoad() {
        show(getPreferenceStore().getLong(getPreferenceName()));
    }

    @Override
    protected void doLoadDefault() {
        show(getPreferenceStore().getDefaultLong(getPreferenceName()));
        valueChanged();
    }

    private void show(long bytesPerSecond) {
        Text text = getTextControl();
        if (text != null) {
            loaded = Long.toString(bytesPerSecond / KILOBYTE);
            text.setText(loaded);
        }
    }

    @Override
    protected void doStore() {
        Text text = getTextControl();
        if (text != null && !text.getText().strip().equals(loaded)) {
            getPreferenceStore().setValue(getPreferenceName(), Long.parseLong(text.getText().strip()) * KILOBYTE);
        }
    }
}
