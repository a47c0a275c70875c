package org.haochaping.conformance.simulator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

import com.github.tomakehurst.wiremock.common.JettySettings;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.io.NetworkTrafficListener;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * The simulator's Jetty, guarded against one hostile client taking the machine down (issue 13): a request body over
 * the limit is refused with 413 before it is buffered (by its Content-Length, or while reading a chunked one); a
 * body that arrives slower than {@link #MIN_BODY_BYTES_PER_SECOND} is cut with 408 and a connection that stays silent
 * longer than the idle timeout is closed, so slow clients cannot hold the request threads. The kit is run by
 * integrators on shared machines.
 */
final class GuardedHttpServerFactory implements HttpServerFactory {

    /** The default largest request body: 1 MiB, about seven times a full batch of 100 national records. */
    static final long DEFAULT_MAX_BODY_BYTES = 1024L * 1024;
    /** The slowest request body accepted, averaged over the request. */
    static final long MIN_BODY_BYTES_PER_SECOND = 4096;
    /** How long a connection may stay silent (headers or body) before it is closed. */
    static final long IDLE_TIMEOUT_MILLIS = 15_000;

    private final long maxBodyBytes;

    GuardedHttpServerFactory(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public String getName() {
        return "hcp-guarded-jetty";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        return new Jetty11HttpServer(options, admin, stubs) {
            @Override
            protected ServerConnector createHttpConnector(String bindAddress, int port, JettySettings settings,
                    NetworkTrafficListener listener) {
                ServerConnector connector = super.createHttpConnector(bindAddress, port, settings, listener);
                connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
                HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null) {
                    http.getHttpConfiguration().setMinRequestDataRate(MIN_BODY_BYTES_PER_SECOND);
                }
                return connector;
            }

            @Override
            protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
                super.decorateMockServiceContextBeforeConfig(context);
                context.addFilter(new FilterHolder(new BodyLimit(maxBodyBytes)), "/*", EnumSet.of(DispatcherType.REQUEST));
            }
        };
    }

    /** Refuses a body over the limit before WireMock buffers it; a chunked body is read up to the limit and no further. */
    static final class BodyLimit implements Filter {
        private final long max;

        BodyLimit(long max) {
            this.max = max;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            long declared = http.getContentLengthLong();
            if (declared > max) {
                refuse((HttpServletResponse) response);
                return;
            }
            if (declared < 0 && http.getHeader("Transfer-Encoding") != null) {
                byte[] body = readAtMost(http.getInputStream(), max);
                if (body == null) {
                    refuse((HttpServletResponse) response);
                    return;
                }
                chain.doFilter(new Buffered(http, body), response);
                return;
            }
            chain.doFilter(request, response);
        }

        /** The bytes of {@code in}, or {@code null} as soon as there are more than {@code max}. */
        private static byte[] readAtMost(InputStream in, long max) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (out.size() + (long) n > max) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }

        private void refuse(HttpServletResponse response) throws IOException {
            byte[] body = ("{\"code\":\"INVALID_REQUEST\",\"message\":\"request body larger than " + max
                    + " bytes (the simulator's limit)\"}").getBytes(StandardCharsets.UTF_8);
            response.setStatus(413);
            response.setHeader("Connection", "close"); // the rest of the body is never read
            response.setContentType(PlatformHttp.JSON_UTF8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        }
    }

    /** A request whose body was read (within the limit) before WireMock reads it. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
