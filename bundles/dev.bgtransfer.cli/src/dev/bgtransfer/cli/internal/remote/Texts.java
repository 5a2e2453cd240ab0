package dev.bgtransfer.cli.internal.remote;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.ResourceBundle;

/** The sentences of the clients and the daemon's socket ({@code messages.properties}), plain JDK. */
final class Texts {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle(Texts.class.getPackageName() + ".messages");

    private Texts() {
    }

    /** @return the sentence {@code key} with its {0}, {1}... filled with the arguments as text, never as formatted numbers */
    static String get(String key, Object... arguments) {
        return MessageFormat.format(BUNDLE.getString(key), Arrays.stream(arguments).map(String::valueOf).toArray());
    }
}
