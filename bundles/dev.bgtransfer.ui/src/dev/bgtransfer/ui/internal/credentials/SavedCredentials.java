package dev.bgtransfer.ui.internal.credentials;

import java.io.IOException;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;

/**
 * The user names and passwords a person chose to remember, in Eclipse secure storage: one node per
 * origin (scheme, host and port; the service sends credentials to nothing else), the password
 * encrypted, the user name not, so that a dialog can show it without unlocking the storage.
 */
public final class SavedCredentials {
    /** Where they live under the storage's root. */
    private static final String NODE = "dev.bgtransfer.ui/credentials"; //$NON-NLS-1$
    private static final String USER = "user"; //$NON-NLS-1$
    private static final String PASSWORD = "password"; //$NON-NLS-1$

    private final ISecurePreferences root;

    private SavedCredentials(ISecurePreferences storage) {
        this.root = storage.node(NODE);
    }

    /** @return the saved credentials in the default secure storage, if it can be opened */
    public static Optional<SavedCredentials> open() {
        return Optional.ofNullable(SecurePreferencesFactory.getDefault()).map(SavedCredentials::new);
    }

    /** @return {@code scheme://host:port} of {@code url}, with the scheme's default port when it has none */
    static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() >= 0 ? url.getPort() : "https".equals(scheme) ? 443 : 80; //$NON-NLS-1$
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + ':' + port; //$NON-NLS-1$
    }

    /**
     * @return the credentials saved for the origin of {@code url}
     * @throws StorageException when the password cannot be decrypted (e.g. the person did not unlock
     *                          the storage)
     */
    Optional<PasswordAuthentication> find(URI url) throws StorageException {
        Optional<ISecurePreferences> node = existing(url);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        String user = node.get().get(USER, null);
        String password = node.get().get(PASSWORD, null);
        return user == null || password == null ? Optional.empty()
                : Optional.of(new PasswordAuthentication(user, password.toCharArray()));
    }

    /** @return the user name saved for the origin of {@code url}; reading it never unlocks the storage */
    Optional<String> userName(URI url) {
        return existing(url).flatMap(node -> {
            try {
                return Optional.ofNullable(node.get(USER, null));
            } catch (StorageException unreadable) {
                return Optional.empty();
            }
        });
    }

    /** Saves {@code credentials} for the origin of {@code url}, replacing what was saved, and writes the storage. */
    void save(URI url, PasswordAuthentication credentials) throws StorageException, IOException {
        ISecurePreferences node = root.node(nodeName(url));
        node.put(USER, credentials.getUserName(), false);
        node.put(PASSWORD, new String(credentials.getPassword()), true);
        root.flush();
    }

    /** Forgets what was saved for the origin of {@code url}, if anything. */
    void forget(URI url) throws IOException {
        Optional<ISecurePreferences> node = existing(url);
        if (node.isPresent()) {
            node.get().removeNode();
            root.flush();
        }
    }

    /** @return how many origins have saved credentials */
    public int count() {
        return root.childrenNames().length;
    }

    /** Forgets every saved user name and password. */
    public void forgetAll() throws IOException {
        for (String origin : root.childrenNames()) {
            root.node(origin).removeNode();
        }
        root.flush();
    }

    private Optional<ISecurePreferences> existing(URI url) {
        String name = nodeName(url);
        return root.nodeExists(name) ? Optional.of(root.node(name)) : Optional.empty();
    }

    private static String nodeName(URI url) {
        return EncodingUtils.encodeSlashes(origin(url));
    }
}
