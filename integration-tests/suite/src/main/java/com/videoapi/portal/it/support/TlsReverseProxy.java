package com.videoapi.portal.it.support;

import io.undertow.Undertow;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;
import org.xnio.OptionMap;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

/**
 * A reverse proxy that terminates TLS in front of the test server, as a load balancer does in
 * production: Undertow's own ({@link ProxyHandler}, the one WildFly's reverse-proxy handler is made
 * of), in the test JVM. It listens for HTTPS on 127.0.0.1 (a port of the system's choosing), with a
 * self-signed certificate made at start by the JDK's keytool (no key in the repository), and forwards
 * over plain HTTP from the address the test server trusts ({@code it.trusted-proxy}), setting
 * {@code X-Forwarded-For} to the client's address (replacing any the client sent, as
 * {@code configure-proxy.cli} asks of a proxy) and {@code X-Forwarded-Proto: https}.
 */
public final class TlsReverseProxy implements AutoCloseable {

    private static final char[] STORE_PASSWORD = "test-proxy".toCharArray();

    private final Undertow server;
    private final Path keyDirectory;

    private TlsReverseProxy(Undertow server, Path keyDirectory) {
        this.server = server;
        this.keyDirectory = keyDirectory;
    }

    /** In front of the portal under test ({@link PortalSteps#baseUrl()}), from the address the server trusts. */
    public static TlsReverseProxy startInFrontOfThePortal() {
        URI portal = URI.create(PortalSteps.baseUrl());
        // 127.0.0.1 rather than localhost, which may be ::1 first: the proxy's connections leave from an
        // IPv4 address, and the test server listens on IPv4 only.
        URI backend = URI.create("http://127.0.0.1:" + portal.getPort());
        String trustedProxy = System.getProperty("it.trusted-proxy", "127.0.0.2");
        try {
            Path keys = Files.createTempDirectory("tls-reverse-proxy");
            LoadBalancingProxyClient backends = new LoadBalancingProxyClient()
                    .addHost(new InetSocketAddress(trustedProxy, 0), backend, null, null, OptionMap.EMPTY);
            ProxyHandler proxy = ProxyHandler.builder()
                    .setProxyClient(backends)
                    .setMaxRequestTime(30_000)
                    .setReuseXForwarded(false)
                    .setRewriteHostHeader(false)
                    .setNext(ResponseCodeHandler.HANDLE_404)
                    .build();
            Undertow server = Undertow.builder()
                    .setIoThreads(1)
                    .setWorkerThreads(4)
                    .addHttpsListener(0, "127.0.0.1", selfSigned(keys))
                    .setHandler(proxy)
                    .build();
            server.start();
            return new TlsReverseProxy(server, keys);
        } catch (IOException | InterruptedException | java.security.GeneralSecurityException e) {
            throw new AssertionError("The TLS reverse proxy did not start", e);
        }
    }

    /** Where browsers reach the portal through the proxy, e.g. {@code https://127.0.0.1:40123/}. */
    public String url() {
        InetSocketAddress address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        return "https://127.0.0.1:" + address.getPort() + "/";
    }

    /** The address the proxy's connections to the test server leave from. */
    public static String address() {
        return System.getProperty("it.trusted-proxy", "127.0.0.2");
    }

    private static SSLContext selfSigned(Path directory) throws IOException, InterruptedException,
            java.security.GeneralSecurityException {
        Path store = directory.resolve("proxy.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "proxy", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(STORE_PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("keytool could not make the proxy's certificate: " + output);
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, STORE_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }

    @Override
    public void close() {
        server.stop();
        try (var files = Files.list(keyDirectory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(keyDirectory);
        } catch (IOException e) {
            // A temporary directory left behind holds a throw-away key only.
        }
    }
}
