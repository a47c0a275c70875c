package gate.nethttp;

import java.net.http.HttpClient;

/** java.net.http is Java 11 and not on Android at all. */
public final class CallsJavaNetHttp {
    public static Object client() {
        return HttpClient.newHttpClient();
    }
}
