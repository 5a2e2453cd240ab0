package dev.bgtransfer.ui.internal;

/** The ids of the commands declared in plugin.xml. */
public final class CommandIds {
    public static final String START_ALL = "dev.bgtransfer.ui.startAll";
    public static final String STOP_ALL = "dev.bgtransfer.ui.stopAll";
    public static final String RESET = "dev.bgtransfer.ui.reset";
    public static final String ADD_DOWNLOAD = "dev.bgtransfer.ui.addDownload";
    public static final String REMOVE = "dev.bgtransfer.ui.remove";
    public static final String START = "dev.bgtransfer.ui.start";
    public static final String PAUSE = "dev.bgtransfer.ui.pause";
    public static final String STOP = "dev.bgtransfer.ui.stop";
    public static final String RETRY = "dev.bgtransfer.ui.retry";
    public static final String OPEN = "dev.bgtransfer.ui.open";
    public static final String SHOW_IN_FOLDER = "dev.bgtransfer.ui.showInFolder";
    public static final String COPY_URL = "dev.bgtransfer.ui.copyUrl";
    public static final String SHOW_TIMELINE = "dev.bgtransfer.ui.showTimeline";
    public static final String LIMIT_SPEED = "dev.bgtransfer.ui.limitSpeed";

    private CommandIds() {
    }
}
