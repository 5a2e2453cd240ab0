package dev.bgtransfer.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.ProgressProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.bgtransfer.core.Transfer;
import dev.bgtransfer.core.TransferRequest;
import dev.bgtransfer.core.TransferState;
import dev.bgtransfer.junit.ServiceTest;
import dev.bgtransfer.junit.TestFile;

/**
 * What a transfer's Job tells the Progress view: the Job's name names the file ("Downloading
 * x.bin"), and the monitor does not name it again (the view shows a task name beside the Job's);
 * the bytes go below it as the sub-task.
 */
class ProgressRowTest extends ServiceTest {
    private final List<String> tasks = new CopyOnWriteArrayList<>();
    private final List<String> subTasks = new CopyOnWriteArrayList<>();

    @AfterEach
    void platformProgressAgain() {
        Job.getJobManager().setProgressProvider(null);
    }

    @Test
    void theFilesNameIsShownOnceInTheJobsNameAndTheBytesBelowIt() throws Exception {
        Job.getJobManager().setProgressProvider(new ProgressProvider() {
            @Override
            public IProgressMonitor createMonitor(Job job) {
                return job.getName().contains("row-test.bin") ? new Recording() : new NullProgressMonitor();
            }
        });
        TestFile file = server.addFile("/files/row-test.bin", 600_000, 71).throttle(1_000_000);

        Transfer started = fixture.service().download(TransferRequest.of(server.uri(file.path()), folder));
        fixture.awaitState(started.id(), TransferState.COMPLETED);

        assertEquals(List.of(""), tasks, "one task, with no name of its own");
        assertFalse(subTasks.isEmpty(), "the bytes are reported");
        assertTrue(subTasks.stream().noneMatch(sub -> sub.contains("row-test.bin")), subTasks.toString());
        assertTrue(subTasks.getLast().matches(".* of .*"), subTasks.getLast());
    }

    private final class Recording extends NullProgressMonitor {
        @Override
        public void beginTask(String name, int totalWork) {
            tasks.add(name);
        }

        @Override
        public void setTaskName(String name) {
            tasks.add(name);
        }

        @Override
        public void subTask(String name) {
            subTasks.add(name);
        }
    }
}
