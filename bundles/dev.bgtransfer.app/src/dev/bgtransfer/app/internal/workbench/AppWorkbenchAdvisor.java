package dev.bgtransfer.app.internal.workbench;

import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Saves and restores the workbench between runs and fills an empty list with the sample files. */
final class AppWorkbenchAdvisor extends WorkbenchAdvisor {
    /** A Job scheduled while the first views are created may miss the Progress view (BUILD-NOTES). */
    private static final long SEED_DELAY_MILLIS = 500;

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        configurer.setSaveAndRestore(true);
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return DownloadsPerspective.ID;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new AppWindowAdvisor(configurer);
    }

    @Override
    public void postStartup() {
        new SampleSeeder().schedule(SEED_DELAY_MILLIS);
    }
}
