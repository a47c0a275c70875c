package org.haochaping.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.haochaping.calendar.CalendarCoverage;
import org.haochaping.calendar.CalendarDataException;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hcp doctor}: what an installation relies on, checked in one go. The working-day calendar's coverage
 * (official and provisional years, with a warning from December 1 while next year is provisional), the key
 * files' validity, and whether the platform answers. Exit 0 when every key loads and the platform (if given)
 * answers; 1 otherwise (a missing next-year arrangement is a warning, not a failure).
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks the calendar coverage, key files and platform reachability; exit 0 (ok) or 1.",
            "See docs/calendar.md."})
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CalendarOptions calendarOptions;

    @Option(names = "--key", paramLabel = "PEM", description = "A private or public key file to check (repeatable).")
    List<Path> keys = new ArrayList<>();

    @Option(names = "--platform", paramLabel = "URL", description = "The platform's base URL: any HTTP answer counts as reachable.")
    URI platform;

    @Option(names = "--today", paramLabel = "DATE", description = "Judge the calendar on this date (default: today in Asia/Shanghai).")
    LocalDate today;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int problems = 0;
        LocalDate day = today != null ? today : LocalDate.now(ShanghaiTime.ZONE);
        try {
            CalendarCoverage c = calendarOptions.calendar().coverage();
            out.println("calendar: " + c);
            if (c.nextYearMissingOn(day)) {
                out.println("calendar: WARN the " + (day.getYear() + 1) + " arrangement is not loaded; deadlines reaching into "
                        + (day.getYear() + 1) + " are provisional (add it: docs/calendar.md)");
            }
        } catch (IOException | CalendarDataException | IllegalArgumentException e) {
            out.println("calendar: FAIL " + e.getMessage());
            problems++;
        }
        for (Path key : keys) {
            String result = checkKey(key);
            out.println("key " + key + ": " + result);
            if (result.startsWith("FAIL")) {
                problems++;
            }
        }
        if (platform != null) {
            String result = reach(platform);
            out.println("platform " + platform + ": " + result);
            if (result.startsWith("FAIL")) {
                problems++;
            }
        }
        out.println(problems == 0 ? "ok" : problems + " problem(s)");
        out.flush();
        return problems == 0 ? 0 : 1;
    }

    private static String checkKey(Path key) {
        try {
            PrivateKeyMaterial k = PemKeys.privateKey(key);
            return "ok, private " + k.algorithm() + " key, key id " + k.publicKey().defaultKeyId();
        } catch (CryptoException | IllegalArgumentException notPrivate) {
            try {
                PublicKeyMaterial k = PemKeys.publicKey(key);
                return "ok, public " + k.algorithm() + " key, key id " + k.defaultKeyId();
            } catch (CryptoException | IllegalArgumentException e) {
                return "FAIL " + e.getMessage();
            }
        }
    }

    private static String reach(URI base) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(base).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return "reachable (HTTP " + r.statusCode() + ")";
        } catch (IOException e) {
            return "FAIL unreachable: " + e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "FAIL interrupted";
        } catch (IllegalArgumentException e) {
            return "FAIL " + e.getMessage();
        }
    }
}
