package org.haochaping.client;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.haochaping.calendar.CalendarDataException;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.transport.ServiceException;
import org.haochaping.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A working-day calendar that fetches the current and next year's arrangements from the platform
 * ({@code GET /v1/calendar/{year}}, {@link HcpClient#calendar(int)}) at most once a day and keeps the last good
 * copy of each on disk ({@code calendar-YYYY.tsv} in its directory), so a restart without network still has
 * them. A year the platform has not published (404) stays provisional; a failed fetch keeps what was there.
 * Thread-safe; {@link #current()} is cheap between refreshes.
 *
 * <pre>{@code
 * RefreshingCalendar calendars = new RefreshingCalendar(client::calendar, Paths.get("/var/lib/hcp/calendar"),
 *         WorkingDayCalendar.official(), Clock.systemUTC());
 * DeadlineCalculator deadlines = new DeadlineCalculator(calendars.current());
 * }</pre>
 */
public final class RefreshingCalendar {

    /** Where arrangements come from: {@code client::calendar}. */
    public interface Source {
        /** The year's arrangement in the data-file format; a {@link ServiceException} with status 404 when not published. */
        String arrangement(int year);
    }

    private static final Logger LOG = LoggerFactory.getLogger(RefreshingCalendar.class);
    private static final Duration INTERVAL = Duration.ofDays(1);

    private final Source source;
    private final Path directory;
    private final WorkingDayCalendar base;
    private final Clock clock;
    private Instant lastAttempt;
    private WorkingDayCalendar current;

    /**
     * @param base the calendar to extend (its policy and data); {@link WorkingDayCalendar#official()} usually
     * @throws UncheckedIOException when the directory cannot be created or read
     */
    public RefreshingCalendar(Source source, Path directory, WorkingDayCalendar base, Clock clock) {
        if (source == null || directory == null || base == null || clock == null) {
            throw new IllegalArgumentException("source, directory, base calendar and clock are required");
        }
        this.source = source;
        this.directory = directory;
        this.base = base;
        this.clock = clock;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the calendar directory " + directory, e);
        }
        this.current = fromDisk();
    }

    /** The calendar now: refreshed from the platform first when the last attempt is a day old or more. */
    public synchronized WorkingDayCalendar current() {
        Instant now = clock.instant();
        if (lastAttempt == null || !now.isBefore(lastAttempt.plus(INTERVAL))) {
            lastAttempt = now;
            refresh(ShanghaiTime.dateOf(now.atOffset(java.time.ZoneOffset.UTC)));
        }
        return current;
    }

    private void refresh(LocalDate today) {
        boolean changed = false;
        for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
            if (base.coverage().isOfficial(year)) {
                continue;
            }
            String text;
            try {
                text = source.arrangement(year);
            } catch (ServiceException e) {
                if (e.statusCode() != 404) {
                    LOG.warn("Fetching the {} holiday arrangement failed (HTTP {}); keeping the last good copy", year, e.statusCode());
                }
                continue;
            } catch (TransportException e) {
                LOG.warn("Fetching the {} holiday arrangement failed ({}); keeping the last good copy", year,
                        e.getClass().getSimpleName());
                continue;
            }
            try {
                base.toBuilder().load(new StringReader(text), "platform " + year).build(); // check before keeping it
                Path file = directory.resolve("calendar-" + year + ".tsv");
                Path tmp = directory.resolve("calendar-" + year + ".tsv.tmp");
                Files.write(tmp, text.getBytes(StandardCharsets.UTF_8));
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                changed = true;
            } catch (CalendarDataException e) {
                LOG.warn("The platform's {} holiday arrangement is malformed; keeping the last good copy: {}", year, e.getMessage());
            } catch (IOException e) {
                LOG.warn("Cannot keep the {} holiday arrangement on disk in {}: {}", year, directory, e.getMessage());
            }
        }
        if (changed) {
            current = fromDisk();
        }
    }

    private WorkingDayCalendar fromDisk() {
        try {
            return base.toBuilder().loadDirectory(directory).build();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the calendar directory " + directory, e);
        }
    }
}
