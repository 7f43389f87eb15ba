package de.meldedesk.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the TLS context of the client: the JDK's default trusted CAs, on
 * Windows also the "Windows-ROOT" store, plus the extra CA certificates of a
 * profile. Certificate checks stay on; host names are checked by HttpClient.
 */
public final class TrustStores {

    private static final Logger LOG = LoggerFactory.getLogger(TrustStores.class);

    private TrustStores() {
    }

    /**
     * Creates an SSL context that trusts the default CAs and the certificates in the given PEM files.
     *
     * @throws InvalidProfileException when a file cannot be read or contains no certificate
     */
    public static SSLContext sslContext(List<Path> extraCaFiles) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int count = 0;
            for (X509Certificate cert : defaultTrustManager().getAcceptedIssuers()) {
                store.setCertificateEntry("jdk-" + count++, cert);
            }
            count += addWindowsRoots(store);
            for (Path file : extraCaFiles) {
                for (Certificate cert : readPem(file)) {
                    store.setCertificateEntry("extra-" + count++, cert);
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the TLS trust store could not be built", e);
        }
    }

    /**
     * Reads every certificate of a PEM (or DER) file.
     *
     * @throws InvalidProfileException when the file cannot be read or contains no certificate
     */
    public static Collection<? extends Certificate> readPem(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new InvalidProfileException("CA file " + file + " contains no certificate",
                        "remote.profile.caFileInvalid", file);
            }
            return certs;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidProfileException("CA file " + file + " could not be read: " + e.getMessage(), e,
                    "remote.profile.caFileInvalid", file);
        }
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager) {
                return (X509TrustManager) manager;
            }
        }
        throw new GeneralSecurityException("the JDK offers no X509TrustManager");
    }

    /** Copies the Windows root certificates into the store; elsewhere, or when the store is missing, adds none. */
    private static int addWindowsRoots(KeyStore store) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return 0;
        }
        int added = 0;
        try {
            KeyStore windows = KeyStore.getInstance("Windows-ROOT");
            windows.load(null, null);
            Enumeration<String> aliases = windows.aliases();
            while (aliases.hasMoreElements()) {
                Certificate cert = windows.getCertificate(aliases.nextElement());
                if (cert != null) {
                    store.setCertificateEntry("windows-" + added++, cert);
                }
            }
        } catch (GeneralSecurityException | IOException e) {
            LOG.warn("The Windows-ROOT certificate store could not be read, so only the JDK's CAs are trusted", e);
        }
        return added;
    }
}
