package org.haochaping.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.haochaping.calendar.DayKind;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.conformance.simulator.AppCredentials;
import org.haochaping.conformance.simulator.SimulatedPlatform;
import org.haochaping.transport.ServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signed {@code GET /v1/calendar/{year}} endpoint, {@link HcpClient#calendar(int)} and {@link RefreshingCalendar}. */
class CalendarEndpointTest {

    @Test
    void theSimulatorServes2021To2026SignedAndAnswers404ForUnpublishedYears() {
        try (SimulatedPlatform platform = SimulatedPlatform.start()) {
            AppCredentials app = platform.newApp("calendar-app");
            try (HcpClient client = ClientAgainstSimulatorTest.clientFor(platform, app).build()) {
                String y2024 = client.calendar(2024);
                WorkingDayCalendar fromPlatform = WorkingDayCalendar.builder().load(new StringReader(y2024), "platform").build();
                assertThat(fromPlatform.coverage().officialYears()).containsExactly(2024);
                assertThat(fromPlatform.dayKind(LocalDate.of(2024, 10, 7))).isEqualTo(DayKind.OFFICIAL_HOLIDAY);
                assertThat(fromPlatform.dayKind(LocalDate.of(2024, 10, 12))).isEqualTo(DayKind.MAKE_UP_WORKING_DAY);
                assertThatThrownBy(() -> client.calendar(2027)).isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(404));
            }
        }
    }

    @Test
    void refreshesAtMostOnceADayAndKeepsTheLastGoodCopyOnDisk(@TempDir Path dir) throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T02:00:00Z"));
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get(); }
        };
        // a base without the bundled years, so that 2026 must come from the platform
        WorkingDayCalendar base = WorkingDayCalendar.builder().build();
        List<Integer> asked = new ArrayList<>();
        try (SimulatedPlatform platform = SimulatedPlatform.start()) {
            AppCredentials app = platform.newApp("calendar-app");
            try (HcpClient client = ClientAgainstSimulatorTest.clientFor(platform, app).build()) {
                RefreshingCalendar calendars = new RefreshingCalendar(year -> {
                    asked.add(year);
                    return client.calendar(year);
                }, dir, base, clock);
                WorkingDayCalendar c = calendars.current();
                assertThat(asked).containsExactly(2026, 2027); // 2027: 404, stays provisional
                assertThat(c.coverage().officialYears()).containsExactly(2026);
                assertThat(c.coverage().isOfficial(2027)).isFalse();
                assertThat(Files.readString(dir.resolve("calendar-2026.tsv"))).contains("2026-10-01\tholiday\t2026");
                assertThat(dir.resolve("calendar-2027.tsv")).doesNotExist();

                now.set(Instant.parse("2026-06-02T01:59:59Z"));
                assertThat(calendars.current()).isSameAs(c);
                assertThat(asked).hasSize(2); // not again within a day
                now.set(Instant.parse("2026-06-02T02:00:00Z"));
                calendars.current();
                assertThat(asked).hasSize(4);
            }
        }
        // platform gone: a new instance still has 2026 from the last good copy, and a failed fetch keeps it
        RefreshingCalendar offline = new RefreshingCalendar(year -> {
            throw new org.haochaping.transport.TransportException("connection refused", new java.io.IOException("refused"), 1, null);
        }, dir, base, clock);
        assertThat(offline.current().coverage().officialYears()).containsExactly(2026);
    }
}
