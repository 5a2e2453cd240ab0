package dev.bgtransfer.ui.internal.preferences;

import java.io.IOException;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import dev.bgtransfer.core.RateSchedule;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferPreferences;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.ui.internal.TransferCalls;
import dev.bgtransfer.ui.internal.UiPreferences;

/**
 * Window &gt; Preferences &gt; Background Transfers. The download folder, continuing after the
 * application exits and the notification are this bundle's preferences; connections per host, the minimum speed and continuing unfinished
 * transfers are the service's, written to its node, where the service picks them up at once; their
 * defaults (Restore Defaults) are the core's, read from the default scope of that node, which the
 * core fills from {@link TransferOptions#DEFAULTS}. Below them, the overall bandwidth limit with a time
 * window ({@link BandwidthGroup}), handed to the service, and the sign-ins kept in secure storage, which
 * can be forgotten.
 */
public final class TransfersPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
    private final ScopedPreferenceStore serviceStore = new ScopedPreferenceStore(InstanceScope.INSTANCE,
            TransferPreferences.NODE);
    /** 1 GB/s: a higher floor is a typing mistake. */
    private static final int MAX_MINIMUM_SPEED_KB = 1_000_000;
    private IntegerFieldEditor perHost;
    private BooleanFieldEditor continueUnfinished;
    private KilobytesPerSecondField minimumSpeed;
    private BandwidthGroup bandwidth;
    private Optional<String> bandwidthError = Optional.empty();

    public TransfersPreferencePage() {
        super(GRID);
        setDescription(Messages.preferencesDescription);
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, UiPreferences.NODE));
    }

    @Override
    protected void createFieldEditors() {
        addField(new DirectoryFieldEditor(UiPreferences.DOWNLOAD_FOLDER, Messages.preferencesFolder,
                getFieldEditorParent()));
        perHost = new IntegerFieldEditor(TransferPreferences.MAX_CONNECTIONS_PER_HOST, Messages.preferencesPerHost,
                getFieldEditorParent(), 2);
        perHost.setValidRange(1, TransferPreferences.MAX_CONNECTIONS_PER_HOST_LIMIT);
        addField(perHost);
        minimumSpeed = new KilobytesPerSecondField(TransferPreferences.MINIMUM_SPEED, Messages.preferencesMinimumSpeed,
                getFieldEditorParent(), MAX_MINIMUM_SPEED_KB);
        String speedHelp = NLS.bind(Messages.preferencesMinimumSpeedTooltip,
                TransferOptions.DEFAULTS.speedWindow().toSeconds());
        minimumSpeed.getLabelControl(getFieldEditorParent()).setToolTipText(speedHelp);
        minimumSpeed.getTextControl(getFieldEditorParent()).setToolTipText(speedHelp);
        addField(minimumSpeed);
        continueUnfinished = new BooleanFieldEditor(TransferPreferences.CONTINUE_UNFINISHED,
                Messages.preferencesContinue, getFieldEditorParent());
        addField(continueUnfinished);
        BooleanFieldEditor continueAfterExit = new BooleanFieldEditor(UiPreferences.CONTINUE_AFTER_EXIT,
                Messages.preferencesContinueAfterExit, getFieldEditorParent());
        continueAfterExit.getDescriptionControl(getFieldEditorParent())
                .setToolTipText(Messages.preferencesContinueAfterExitTooltip);
        addField(continueAfterExit);
        addField(new BooleanFieldEditor(UiPreferences.NOTIFY_WHEN_FINISHED, Messages.preferencesNotify,
                getFieldEditorParent()));
    }

    @Override
    protected Control createContents(Composite parent) {
        Control fields = super.createContents(parent);
        bandwidth = new BandwidthGroup(parent, error -> {
            bandwidthError = error;
            checkState();
        });
        TransferCalls.read(TransferService::overallLimit).ifPresent(bandwidth::show);
        new SavedSignInsControl(parent);
        return fields;
    }

    @Override
    protected void initialize() {
        super.initialize();
        // the page gives every field its own store; these two belong to the service
        for (FieldEditor field : new FieldEditor[] { perHost, minimumSpeed, continueUnfinished }) {
            field.setPreferenceStore(serviceStore);
            field.load();
        }
    }

    @Override
    protected void checkState() {
        super.checkState();
        if (isValid() && bandwidthError.isPresent()) {
            setErrorMessage(bandwidthError.get());
            setValid(false);
        } else if (isValid()) {
            setErrorMessage(null);
        }
    }

    @Override
    protected void performDefaults() {
        super.performDefaults();
        bandwidth.showDefault();
    }

    @Override
    public boolean performOk() {
        Optional<RateSchedule> schedule = bandwidth.changedSchedule();
        schedule.ifPresent(changed -> TransferCalls.run(Messages.bandwidthSetting,
                service -> service.setOverallLimit(changed)));
        boolean ok = super.performOk();
        if (ok && serviceStore.needsSaving()) {
            try {
                serviceStore.save();
            } catch (IOException failed) {
                ILog.of(TransfersPreferencePage.class).error(Messages.preferencesNotSaved, failed);
            }
        }
        return ok;
    }
}
