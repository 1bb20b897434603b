package org.pramaan.verifier.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP proxy in front of the verifier that the test can unplug: the browser reaches the
 * verifier only through it ({@code --proxy-server}, loopback not bypassed), so switching it off is a
 * real outage for the page and for its service worker alike (DevTools network emulation only reaches
 * the page: it sets {@code navigator.onLine}, but the service worker's own fetches still go out).
 * Off, it closes every open connection and refuses new ones. Bytes pass through unchanged; Tomcat
 * accepts the absolute-form request line a browser sends to a proxy.
 */
public final class SwitchableProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "switchable-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean online = true;

    public SwitchableProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        threads.submit(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** On: connections pass. Off: every open one is cut and new ones are refused. */
    public void online(boolean value) {
        online = value;
        if (!value) {
            open.forEach(SwitchableProxy::closeQuietly);
            open.clear();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!online) {
                    closeQuietly(client);
                    continue;
                }
                threads.submit(() -> connect(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void connect(Socket client) {
        try {
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            open.add(client);
            open.add(upstream);
            threads.submit(() -> pipe(client, upstream));
            pipe(upstream, client);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // cut: the other side is closed below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        online(false);
        server.close();
        threads.shutdownNow();
    }
}
