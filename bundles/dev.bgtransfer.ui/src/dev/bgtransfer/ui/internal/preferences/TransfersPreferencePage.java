package dev.bgtransfer.ui.internal.preferences;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.preferences.ConfigurationScope;
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
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.RateSchedule;
import dev.bgtransfer.core.TransferOptions;
import dev.bgtransfer.core.TransferPreferences;
import dev.bgtransfer.core.TransferService;
import dev.bgtransfer.p2.P2TransportPreferences;
import dev.bgtransfer.ui.internal.TransferCalls;
import dev.bgtransfer.ui.internal.UiPreferences;

/**
 * Window &gt; Preferences &gt; Background Transfers. The download folder, continuing after the
 * application exits and the notification are this bundle's preferences; connections per host, the minimum speed and continuing unfinished
 * transfers are the service's, written to its node, where the service picks them up at once; their
 * defaults (Restore Defaults) are the core's, read from the default scope of that node, which the
 * core fills from {@link TransferOptions#DEFAULTS}. Where dev.bgtransfer.p2 offers p2 its transport (an
 * IDE; in the RCP product, which has no p2, it offers none), whether p2's downloads go through the
 * service is that bundle's preference, written to its node ({@link P2TransportPreferences}); this bundle
 * imports that package optionally and uses only its constants, which the compiler copies, so the page
 * loads without it. Below them, the overall bandwidth limit with a time window ({@link BandwidthGroup}),
 * handed to the service, and the sign-ins kept in secure storage, which can be forgotten.
 */
public final class TransfersPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
    private final ScopedPreferenceStore serviceStore = new ScopedPreferenceStore(InstanceScope.INSTANCE,
            TransferPreferences.NODE);
    private static final String P2_AGENT_SERVICE_FACTORY = "org.eclipse.equinox.p2.core.spi.IAgentServiceFactory"; //$NON-NLS-1$
    private static final String P2_TRANSPORT = "(p2.agent.servicename=org.eclipse.equinox.internal.p2.repository.Transport)"; //$NON-NLS-1$
    /** 1 GB/s: a higher floor is a typing mistake. */
    private static final int MAX_MINIMUM_SPEED_KB = 1_000_000;
    private IntegerFieldEditor perHost;
    private BooleanFieldEditor continueUnfinished;
    private KilobytesPerSecondField minimumSpeed;
    /** The node of dev.bgtransfer.p2's switch, when that bundle is installed. */
    private ScopedPreferenceStore p2Store;
    private BooleanFieldEditor p2Artifacts;
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
        if (isP2TransportOffered()) {
            p2Store = new ScopedPreferenceStore(InstanceScope.INSTANCE, P2TransportPreferences.NODE);
            // the default a person restores is the installation's (configuration scope), as p2's transport reads it
            p2Store.setDefault(P2TransportPreferences.ARTIFACTS_THROUGH_SERVICE,
                    ConfigurationScope.INSTANCE.getNode(P2TransportPreferences.NODE).getBoolean(
                            P2TransportPreferences.ARTIFACTS_THROUGH_SERVICE,
                            P2TransportPreferences.ARTIFACTS_THROUGH_SERVICE_DEFAULT));
            p2Artifacts = new BooleanFieldEditor(P2TransportPreferences.ARTIFACTS_THROUGH_SERVICE,
                    Messages.preferencesP2Artifacts, getFieldEditorParent());
            p2Artifacts.getDescriptionControl(getFieldEditorParent()).setToolTipText(Messages.preferencesP2ArtifactsTooltip);
            addField(p2Artifacts);
        }
    }

    /** @return whether dev.bgtransfer.p2 registered its transport for p2 (found by name: this bundle knows no p2 type) */
    private static boolean isP2TransportOffered() {
        BundleContext context = FrameworkUtil.getBundle(TransfersPreferencePage.class).getBundleContext();
        try {
            ServiceReference<?>[] transports = context.getAllServiceReferences(P2_AGENT_SERVICE_FACTORY, P2_TRANSPORT);
            return transports != null && Arrays.stream(transports)
                    .anyMatch(reference -> P2TransportPreferences.NODE.equals(reference.getBundle().getSymbolicName()));
        } catch (InvalidSyntaxException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    @Override
    protected Control createContents(Composite parent) {
        Control fields = super.createContents(parent);
        bandwidth = new BandwidthGroup(parent, error -> {
            bandwidthError = error;
            checkState();
        });
        TransferCalls.read(TransferService::overallLimit).ifPresent(bandwidth::show);
        TransferCalls.read(TransferService::hostLimits).ifPresent(bandwidth::showHosts);
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
        if (p2Artifacts != null) {
            p2Artifacts.setPreferenceStore(p2Store);
            p2Artifacts.load();
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
        Map<String, RateLimit> hosts = bandwidth.changedHosts();
        if (!hosts.isEmpty()) {
            TransferCalls.run(Messages.bandwidthSetting, service -> hosts.forEach(service::setHostLimit));
        }
        boolean ok = super.performOk();
        for (ScopedPreferenceStore store : new ScopedPreferenceStore[] { serviceStore, p2Store }) {
            if (ok && store != null && store.needsSaving()) {
                try {
                    store.save();
                } catch (IOException failed) {
                    ILog.of(TransfersPreferencePage.class).error(Messages.preferencesNotSaved, failed);
                }
            }
        }
        return ok;
    }
}
