package org.haochaping.conformance.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, defect 10: one unsigned 1 GiB POST took the simulator down (500, out of memory) and 30 slow connections
 * starved it. A body over the limit is refused with 413 before it is buffered; a body that trickles in is cut.
 */
class HostileClientTest {

    private SimulatedPlatform platform;
    private AppCredentials app;

    @BeforeEach
    void start() {
        platform = SimulatedPlatform.builder().maxBodyBytes(64 * 1024).start();
        app = platform.newApp("hall-terminal-7");
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", platform.port()), 10_000);
        s.setSoTimeout(60_000); // generous: the simulator must answer long before
        return s;
    }

    /** The status line, or {@code "closed"} when the simulator closed the connection without one. */
    private static String statusLine(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
                line.write(b);
            }
        } catch (SocketException reset) {
            return "closed";
        }
        String text = line.toString(StandardCharsets.US_ASCII).trim();
        return text.isEmpty() ? "closed" : text;
    }

    @Test
    void oversizedBodyIsRefusedBeforeItIsBuffered() throws Exception {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /v1/evaluations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1073741824\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[8192]);
            out.flush();
            assertThat(statusLine(s)).startsWith("HTTP/1.1 413");
        }
        assertThat(new SigningClient(platform, app, java.time.Clock.systemUTC()).get("/v1/indicators").status())
                .as("still serving").isEqualTo(200);
    }

    @Test
    void oversizedChunkedBodyIsCutAtTheLimit() throws Exception {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /v1/evaluations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[16 * 1024];
            try {
                for (int i = 0; i < 8; i++) { // 128 KiB, twice the limit
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (SocketException closedEarly) {
                // the simulator may close before the rest is written: that is the point
            }
            assertThat(statusLine(s)).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void slowBodiesAreCutAndDoNotStarveOthers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<Future<String>> slow = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                slow.add(pool.submit(() -> {
                    try (Socket s = connect()) {
                        OutputStream out = s.getOutputStream();
                        out.write(("POST /v1/evaluations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 4096\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        Thread writer = new Thread(() -> {
                            try {
                                for (int b = 0; b < 4096; b++) {
                                    out.write('[');
                                    out.flush();
                                    Thread.sleep(250);
                                }
                            } catch (IOException | InterruptedException stopped) {
                                // cut by the simulator, or the test is over
                            }
                        });
                        writer.setDaemon(true);
                        writer.start();
                        try {
                            return statusLine(s);
                        } finally {
                            writer.interrupt();
                        }
                    }
                }));
            }
            assertThat(new SigningClient(platform, app, java.time.Clock.systemUTC()).get("/v1/indicators").status())
                    .as("a legitimate request is served meanwhile").isEqualTo(200);
            for (Future<String> f : slow) {
                assertThat(f.get(120, TimeUnit.SECONDS)).as("a trickling body is cut").matches("HTTP/1.1 408.*|closed");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
