package dev.bgtransfer.p2.internal.transport;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.equinox.internal.p2.repository.AuthenticationFailedException;
import org.eclipse.equinox.internal.p2.repository.Transport;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.repository.artifact.IArtifactDescriptor;

/**
 * p2's transport with artifacts downloaded through the background transfer service: they resume
 * with {@code Range} and {@code If-Range} after a dropped connection or a restart, show in the
 * Downloads view (session {@link ArtifactDownloads#SESSION}) and are checked against the SHA-256
 * their repository publishes. Only what reaches
 * {@link #downloadArtifact(URI, OutputStream, IArtifactDescriptor, IProgressMonitor)} (p2's artifact
 * manager calls it for every artifact since Eclipse 2025-03) goes through the service, and only over
 * http(s) with {@link ArtifactsSwitch the switch} on, at the location p2's protocol rules give
 * ({@link #getSecureLocation(URI)}: http: becomes https: unless p2 is told to allow it); metadata, {@code file:} and everything else,
 * and any artifact the service cannot finish, go to the platform's transport ({@link PlatformTransport}),
 * so nothing p2 does is lost.
 */
final class ServiceTransport extends Transport {

    /** The artifact property with the SHA-256 of the bytes a download receives, as p2 publishes it. */
    static final String DOWNLOAD_SHA256 = "download.checksum.sha-256"; //$NON-NLS-1$

    private final PlatformTransport platform;
    private final ArtifactDownloads downloads;

    ServiceTransport(PlatformTransport platform, ArtifactDownloads downloads) {
        this.platform = platform;
        this.downloads = downloads;
    }

    @Override
    public IStatus downloadArtifact(URI source, OutputStream target, IArtifactDescriptor descriptor,
            IProgressMonitor monitor) {
        Optional<URI> location = ArtifactsSwitch.isOn() ? secureLocation(source) : Optional.empty();
        if (location.isPresent() && ArtifactDownloads.isServable(location.get())) {
            Optional<IStatus> served = downloads.download(location.get(), target, title(descriptor.getArtifactKey()),
                    Optional.ofNullable(descriptor.getProperty(DOWNLOAD_SHA256)), monitor);
            if (served.isPresent()) {
                return served.get();
            }
        }
        return onPlatform(delegate -> delegate.downloadArtifact(source, target, descriptor, monitor));
    }

    @Override
    public IStatus download(URI source, OutputStream target, IProgressMonitor monitor) {
        return onPlatform(delegate -> delegate.download(source, target, monitor));
    }

    @Override
    public IStatus download(URI source, OutputStream target, long startPosition, IProgressMonitor monitor) {
        return onPlatform(delegate -> delegate.download(source, target, startPosition, monitor));
    }

    @Override
    public InputStream stream(URI source, IProgressMonitor monitor)
            throws FileNotFoundException, CoreException, AuthenticationFailedException {
        return platform.get().stream(source, monitor);
    }

    @Override
    public long getLastModified(URI source, IProgressMonitor monitor)
            throws CoreException, FileNotFoundException, AuthenticationFailedException {
        return platform.get().getLastModified(source, monitor);
    }

    @Override
    public URI getSecureLocation(URI location) throws CoreException {
        return platform.get().getSecureLocation(location);
    }

    @Override
    public Map<String, ProtocolRule> getProtocolRules() {
        return platformIfAny().map(Transport::getProtocolRules).orElseGet(super::getProtocolRules);
    }

    @Override
    public void setProtocolRules(Map<String, ProtocolRule> rules) {
        platformIfAny().ifPresentOrElse(delegate -> delegate.setProtocolRules(rules), () -> super.setProtocolRules(rules));
    }

    @Override
    public Map<String, ProtocolRule> getDefaultProtocolRules() {
        return platformIfAny().map(Transport::getDefaultProtocolRules).orElseGet(super::getDefaultProtocolRules);
    }

    /** @return what the platform's transport answers, or why there is none */
    private IStatus onPlatform(Function<Transport, IStatus> call) {
        try {
            return call.apply(platform.get());
        } catch (CoreException noPlatform) {
            return noPlatform.getStatus();
        }
    }

    private Optional<Transport> platformIfAny() {
        try {
            return Optional.of(platform.get());
        } catch (CoreException noPlatform) {
            return Optional.empty();
        }
    }

    /**
     * @return where p2's protocol rules send {@code source} (by default an http: location becomes
     *         https:, unless p2.httpRule allows it); empty when they block it, which the platform's
     *         transport then reports as p2 always did
     */
    private Optional<URI> secureLocation(URI source) {
        try {
            return Optional.of(getSecureLocation(source));
        } catch (CoreException blocked) {
            return Optional.empty();
        }
    }

    private static String title(IArtifactKey key) {
        return key.getId() + ' ' + key.getVersion();
    }
}
