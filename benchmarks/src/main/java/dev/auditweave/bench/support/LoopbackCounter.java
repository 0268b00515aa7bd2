package dev.auditweave.bench.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal HTTP receiver on loopback that answers 200 to every POST and counts the events in the bodies
 * (occurrences of {@code "type":}). It stands for the abuse service; it parses nothing else, so that the
 * benchmark measures the sender.
 */
public final class LoopbackCounter implements AutoCloseable {

    private static final byte[] MARKER = "\"type\":".getBytes();

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    public LoopbackCounter() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "loopback-receiver");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/api/events", exchange -> {
            long count = 0;
            try (InputStream in = exchange.getRequestBody()) {
                count = countMarkers(in);
            }
            events.addAndGet(count);
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    private static long countMarkers(InputStream in) throws IOException {
        byte[] buffer = new byte[16384];
        long count = 0;
        int matched = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            for (int i = 0; i < read; i++) {
                byte b = buffer[i];
                if (b == MARKER[matched]) {
                    matched++;
                    if (matched == MARKER.length) {
                        count++;
                        matched = 0;
                    }
                } else {
                    matched = b == MARKER[0] ? 1 : 0;
                }
            }
        }
        return count;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/events");
    }

    public long events() {
        return events.get();
    }

    public long requests() {
        return requests.get();
    }

    /** Waits until at least {@code target} events arrived; false after {@code timeoutMillis}. */
    public boolean awaitEvents(long target, long timeoutMillis) throws InterruptedException {
        return awaitEvents(target, () -> 0L, timeoutMillis);
    }

    /**
     * Waits until the events that arrived plus those the sender gave up ({@code lost}) reach {@code target};
     * false after {@code timeoutMillis}.
     */
    public boolean awaitEvents(long target, java.util.function.LongSupplier lost, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (events.get() + lost.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(0, 200_000);
        }
        return true;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
