package org.haochaping.transport;

import java.io.IOException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Which outcomes are worth another attempt: connection failures, timeouts, 429 and 5xx; nothing else. */
final class RetryDecision {

    private RetryDecision() {
    }

    static boolean isRetryableStatus(int status) {
        return status == 429 || (status >= 500 && status <= 599);
    }

    /**
     * Connection failures and timeouts are retried; a certificate the client refuses is not, since the
     * next attempt meets the same certificate; nor a response over the size limit; nor is a call the caller
     * cancelled.
     */
    static boolean isRetryableFailure(IOException failure, boolean canceled) {
        if (canceled) {
            return false;
        }
        if (failure instanceof SSLPeerUnverifiedException || failure instanceof ResponseTooLargeException) {
            return false;
        }
        if (failure instanceof SSLHandshakeException) {
            for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof CertificateException) {
                    return false;
                }
            }
        }
        return true;
    }
}
