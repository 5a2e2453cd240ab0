package dev.bgtransfer.persistence.internal;

import java.lang.System.Logger.Level;

import org.eclipse.core.runtime.ILog;
import org.osgi.framework.FrameworkUtil;

/**
 * Logs through the Eclipse log when this bundle runs in a framework, and through
 * {@link System.Logger} otherwise (plain unit tests, tools), so that logging never fails the store.
 */
final class StoreLog {

    private StoreLog() {
    }

    static void error(String message, Throwable cause) {
        log(Level.ERROR, message, cause);
    }

    static void warn(String message, Throwable cause) {
        log(Level.WARNING, message, cause);
    }

    private static void log(Level level, String message, Throwable cause) {
        if (!logToEclipse(level, message, cause)) {
            System.getLogger(SqliteTransferStore.class.getName()).log(level, message, cause);
        }
    }

    private static boolean logToEclipse(Level level, String message, Throwable cause) {
        try {
            if (FrameworkUtil.getBundle(StoreLog.class) == null) {
                return false;
            }
            ILog log = ILog.of(SqliteTransferStore.class);
            if (level == Level.ERROR) {
                log.error(message, cause);
            } else {
                log.warn(message, cause);
            }
            return true;
        } catch (RuntimeException | LinkageError noPlatform) {
            return false;
        }
    }
}
