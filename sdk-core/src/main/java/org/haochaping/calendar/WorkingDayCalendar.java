package org.haochaping.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which days count as working days (工作日) for the deadlines of Art. 16, 20 and 21: Monday to Friday, minus
 * official holidays (法定节假日) and local closures, plus the weekend days the State Council moves work to
 * (调休上班).
 *
 * <p>The official arrangements for 2021–2026 are bundled ({@link #official()}); users add a year, correct one
 * or add local closures from a data file without a new release ({@link Builder#load(Path)}, or a directory
 * named by the system property {@value #DIRECTORY_PROPERTY} or the environment variable
 * {@value #DIRECTORY_ENV}; the format is in {@code docs/calendar.md}). A date whose arrangement is not loaded
 * is answered, by default ({@link UncoveredDatePolicy#PROVISIONAL}), from the statutory holidays bundled for
 * 2027–2050 and weekends, and flagged provisional ({@link #isProvisional(LocalDate)}); under
 * {@link UncoveredDatePolicy#STRICT} it is an error ({@link DateNotCoveredException}). Because the next
 * year's New Year holiday can reach back into the last days of December (2023-12-30/31 belong to the 2024
 * arrangement), a date from December 25 on is covered officially only when the next year's arrangement is
 * loaded too.
 *
 * <p>Counting: "within N working days after day D" ends with the N-th working day strictly after D, at the
 * end of that day in Asia/Shanghai; D itself never counts (as with periods under the Civil Code, Art. 201:
 * the starting day is not counted). {@link #plusWorkingDays(LocalDate, int)} returns that day. Examples with
 * the bundled data: one working day after Monday 2024-09-30 is Tuesday 2024-10-08 (October 1–7 are the
 * National Day holiday); one working day after Friday 2024-10-11 is Saturday 2024-10-12, a make-up working
 * day.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class WorkingDayCalendar {

    /** System property naming a directory of data files that {@link #official()} adds ({@code *.tsv}, by name). */
    public static final String DIRECTORY_PROPERTY = "hcp.calendar.dir";
    /** Environment variable read when {@value #DIRECTORY_PROPERTY} is not set. */
    public static final String DIRECTORY_ENV = "HCP_CALENDAR_DIR";

    private static final String OFFICIAL_RESOURCE = "cn-official-2021-2026.tsv";
    private static final String STATUTORY_RESOURCE = "cn-statutory-2027-2050.tsv";
    private static final String PUBLISHED_HEADER = "# published:";
    /** From this day of December on, the next year's New Year arrangement may claim the day. */
    private static final int YEAR_END_WINDOW_START = 25;

    private final Map<LocalDate, DayKind> arranged;
    private final Set<LocalDate> closures;
    private final SortedSet<Integer> arrangementYears;
    private final UncoveredDatePolicy uncoveredDatePolicy;
    private final Builder source;

    private WorkingDayCalendar(Builder b, Map<LocalDate, DayKind> arranged) {
        this.arranged = Collections.unmodifiableMap(arranged);
        this.closures = Collections.unmodifiableSet(new HashSet<>(b.closures));
        this.arrangementYears = Collections.unmodifiableSortedSet(new TreeSet<>(b.arrangements.keySet()));
        this.uncoveredDatePolicy = b.uncoveredDatePolicy;
        this.source = b.copy();
    }

    /**
     * The official arrangements bundled with the SDK (2021–2026), plus the data files of the directory named
     * by {@value #DIRECTORY_PROPERTY} / {@value #DIRECTORY_ENV} when set (read once, at first use), under
     * {@link UncoveredDatePolicy#PROVISIONAL}.
     *
     * @throws CalendarDataException when a file of that directory is malformed (naming file and line)
     */
    public static WorkingDayCalendar official() {
        return Official.INSTANCE;
    }

    /** The directory {@link #official()} loads: the system property, else the environment variable; null when neither is set. */
    static Path configuredDirectory(String property, String env) {
        String dir = property != null && !property.trim().isEmpty() ? property : env;
        return dir == null || dir.trim().isEmpty() ? null : java.nio.file.Paths.get(dir.trim());
    }

    /** An empty builder: no arrangement loaded. Start from {@code official().toBuilder()} to extend the bundled data. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this calendar's data and policy, to add a year or closures to. */
    public Builder toBuilder() {
        return source.copy();
    }

    /**
     * What the day is.
     *
     * @throws DateNotCoveredException for an uncovered date under {@link UncoveredDatePolicy#STRICT}, or under
     *         {@link UncoveredDatePolicy#PROVISIONAL} in a year the statutory table does not reach
     */
    public DayKind dayKind(LocalDate date) {
        if (closures.contains(date)) {
            return DayKind.LOCAL_CLOSURE;
        }
        DayKind kind = arranged.get(date);
        if (!covers(date)) {
            boolean provisionalData = uncoveredDatePolicy == UncoveredDatePolicy.PROVISIONAL
                    && (arrangementYears.contains(date.getYear()) || Statutory.YEARS.contains(date.getYear()));
            if (uncoveredDatePolicy == UncoveredDatePolicy.STRICT
                    || uncoveredDatePolicy == UncoveredDatePolicy.PROVISIONAL && !provisionalData) {
                throw new DateNotCoveredException(date, missingArrangementYear(date), describeYears());
            }
            if (kind == null && uncoveredDatePolicy == UncoveredDatePolicy.PROVISIONAL
                    && !arrangementYears.contains(date.getYear()) && Statutory.DAYS.containsKey(date)) {
                return DayKind.PROVISIONAL_HOLIDAY;
            }
        }
        if (kind != null) {
            return kind;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? DayKind.WEEKEND : DayKind.WEEKDAY;
    }

    /** Whether deadlines count the day (see {@link #dayKind(LocalDate)} for the errors). */
    public boolean isWorkingDay(LocalDate date) {
        return dayKind(date).isWorkingDay();
    }

    /**
     * The N-th working day strictly after {@code from}: the last day of "within N working days after from".
     * Zero returns {@code from} itself (nothing to count). Every day examined must be covered.
     *
     * @throws IllegalArgumentException when {@code workingDays} is negative
     * @throws DateNotCoveredException when the count reaches a day without data (policy {@code STRICT}, or beyond the statutory table)
     */
    public LocalDate plusWorkingDays(LocalDate from, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must be zero or more, was " + workingDays);
        }
        LocalDate day = from;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * How many working days lie after {@code from} up to and including {@code to}: the inverse of
     * {@link #plusWorkingDays(LocalDate, int)}. Negative when {@code to} is before {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Whether the answer for this date comes from provisional data: it is not {@link #covers(LocalDate) covered}
     * by an official arrangement and not a local closure. Never true under {@link UncoveredDatePolicy#STRICT}
     * (which throws instead).
     */
    public boolean isProvisional(LocalDate date) {
        return !closures.contains(date) && !covers(date);
    }

    /**
     * The arrangement years whose absence made some day after {@code from} up to and including {@code to}
     * provisional: what a deadline counting those days should report. Empty when every day was official.
     */
    public SortedSet<Integer> provisionalYears(LocalDate from, LocalDate to) {
        SortedSet<Integer> years = new TreeSet<>();
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isProvisional(day)) {
                years.add(missingArrangementYear(day));
            }
        }
        return Collections.unmodifiableSortedSet(years);
    }

    /** Which years are official and which provisional (for {@code hcp doctor}, monitoring and warnings). */
    public CalendarCoverage coverage() {
        SortedSet<Integer> provisional = new TreeSet<>();
        if (uncoveredDatePolicy == UncoveredDatePolicy.PROVISIONAL) {
            for (Integer y : Statutory.YEARS) {
                if (!arrangementYears.contains(y)) {
                    provisional.add(y);
                }
            }
        }
        return new CalendarCoverage(arrangementYears, provisional, uncoveredDatePolicy);
    }

    private int missingArrangementYear(LocalDate date) {
        return arrangementYears.contains(date.getYear()) ? date.getYear() + 1 : date.getYear();
    }

    /** Whether the official data answers for this date (its year's arrangement, and the next one's from December 25 on). */
    public boolean covers(LocalDate date) {
        int year = date.getYear();
        if (!arrangementYears.contains(year)) {
            return false;
        }
        boolean yearEnd = date.getMonth() == Month.DECEMBER && date.getDayOfMonth() >= YEAR_END_WINDOW_START;
        return !yearEnd || arrangementYears.contains(year + 1);
    }

    /** The years whose official arrangement is loaded, ascending. */
    public SortedSet<Integer> arrangementYears() {
        return arrangementYears;
    }

    /** What happens with dates outside the loaded data. */
    public UncoveredDatePolicy uncoveredDatePolicy() {
        return uncoveredDatePolicy;
    }

    private String describeYears() {
        return arrangementYears.isEmpty() ? "none" : arrangementYears.toString();
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar{arrangementYears=" + describeYears() + ", closures=" + closures.size()
                + ", uncovered=" + uncoveredDatePolicy + "}";
    }

    /**
     * Collects arrangements and closures, with the merge rule of {@code docs/calendar.md}: an official
     * arrangement always beats the provisional statutory data; for the same arrangement year the newest
     * publication wins (a file's {@code # published: yyyy-MM-dd} header; a source without one counts as
     * older than any dated one, and between equals the one loaded last wins), replacing that year entirely;
     * local closures add up on top of everything. Not thread-safe; the calendar it builds is.
     */
    public static final class Builder {
        private final Map<Integer, Map<LocalDate, DayKind>> arrangements = new TreeMap<>();
        private final Map<Integer, String> arrangementSources = new HashMap<>();
        private final Map<Integer, LocalDate> arrangementPublished = new HashMap<>();
        private final Set<LocalDate> closures = new HashSet<>();
        private UncoveredDatePolicy uncoveredDatePolicy = UncoveredDatePolicy.PROVISIONAL;

        private Builder() {
        }

        private Builder copy() {
            Builder c = new Builder();
            for (Map.Entry<Integer, Map<LocalDate, DayKind>> e : arrangements.entrySet()) {
                c.arrangements.put(e.getKey(), new HashMap<>(e.getValue()));
            }
            c.arrangementSources.putAll(arrangementSources);
            c.arrangementPublished.putAll(arrangementPublished);
            c.closures.addAll(closures);
            c.uncoveredDatePolicy = uncoveredDatePolicy;
            return c;
        }

        /** Loads a UTF-8 data file (format in {@code docs/calendar.md}). */
        public Builder load(Path file) throws IOException {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return load(reader, file.toString());
            }
        }

        /** Loads every {@code *.tsv} file of a directory, in name order (missing directory: an error). */
        public Builder loadDirectory(Path directory) throws IOException {
            List<Path> files = new ArrayList<>();
            try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.tsv")) {
                for (Path p : entries) {
                    files.add(p);
                }
            }
            Collections.sort(files);
            for (Path f : files) {
                load(f);
            }
            return this;
        }

        /**
         * Loads data from a reader; {@code sourceName} names it in errors.
         *
         * @throws CalendarDataException naming the source and line of a malformed or contradictory row
         * @throws UncheckedIOException when the reader fails
         */
        public Builder load(Reader reader, String sourceName) {
            Map<Integer, Map<LocalDate, DayKind>> years = new TreeMap<>();
            Set<LocalDate> newClosures = new HashSet<>();
            Map<LocalDate, Integer> seenOnLine = new HashMap<>();
            LocalDate published = null;
            BufferedReader lines = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
            int lineNo = 0;
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    lineNo++;
                    String trimmed = line.trim();
                    if (trimmed.toLowerCase(Locale.ROOT).startsWith(PUBLISHED_HEADER)) {
                        String value = trimmed.substring(PUBLISHED_HEADER.length()).trim();
                        try {
                            published = LocalDate.parse(value);
                        } catch (DateTimeParseException e) {
                            throw new CalendarDataException(sourceName, lineNo,
                                    "the published date is not an ISO date (yyyy-MM-dd): \"" + value + "\"");
                        }
                        continue;
                    }
                    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                        continue;
                    }
                    Row row = Row.parse(trimmed, sourceName, lineNo);
                    Integer earlier = seenOnLine.put(row.date, lineNo);
                    if (earlier != null) {
                        throw new CalendarDataException(sourceName, lineNo, row.date + " is listed twice (also on line " + earlier + ")");
                    }
                    if (row.kind == DayKind.LOCAL_CLOSURE) {
                        newClosures.add(row.date);
                    } else {
                        Map<LocalDate, DayKind> year = years.get(row.arrangementYear);
                        if (year == null) {
                            year = new HashMap<>();
                            years.put(row.arrangementYear, year);
                        }
                        year.put(row.date, row.kind);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + sourceName, e);
            }
            for (Map.Entry<Integer, Map<LocalDate, DayKind>> e : years.entrySet()) {
                LocalDate current = arrangementPublished.get(e.getKey());
                boolean older = current != null && (published == null || published.isBefore(current));
                if (arrangements.containsKey(e.getKey()) && older) {
                    continue; // the newest publication of a year wins
                }
                arrangements.put(e.getKey(), e.getValue());
                arrangementSources.put(e.getKey(), sourceName);
                if (published != null) {
                    arrangementPublished.put(e.getKey(), published);
                } else {
                    arrangementPublished.remove(e.getKey());
                }
            }
            closures.addAll(newClosures);
            return this;
        }

        /** Chooses what happens with dates outside the loaded data; {@link UncoveredDatePolicy#PROVISIONAL} by default. */
        public Builder whenUncovered(UncoveredDatePolicy policy) {
            if (policy == null) {
                throw new IllegalArgumentException("policy is required");
            }
            this.uncoveredDatePolicy = policy;
            return this;
        }

        /**
         * @throws CalendarDataException when two arrangements contradict each other on a date
         */
        public WorkingDayCalendar build() {
            Map<LocalDate, DayKind> merged = new HashMap<>();
            Map<LocalDate, Integer> mergedFrom = new HashMap<>();
            for (Map.Entry<Integer, Map<LocalDate, DayKind>> year : arrangements.entrySet()) {
                for (Map.Entry<LocalDate, DayKind> day : year.getValue().entrySet()) {
                    DayKind before = merged.put(day.getKey(), day.getValue());
                    if (before != null && before != day.getValue()) {
                        int other = mergedFrom.get(day.getKey());
                        throw new CalendarDataException(arrangementSources.get(year.getKey()), 0, day.getKey()
                                + " is " + day.getValue() + " in the " + year.getKey() + " arrangement but "
                                + before + " in the " + other + " arrangement (" + arrangementSources.get(other) + ")");
                    }
                    mergedFrom.put(day.getKey(), year.getKey());
                }
            }
            return new WorkingDayCalendar(this, merged);
        }
    }

    /** One data row: date, kind, arrangement year, note. */
    private static final class Row {
        final LocalDate date;
        final DayKind kind;
        final int arrangementYear;

        private Row(LocalDate date, DayKind kind, int arrangementYear) {
            this.date = date;
            this.kind = kind;
            this.arrangementYear = arrangementYear;
        }

        static Row parse(String line, String source, int lineNo) {
            String[] cols = line.indexOf('\t') >= 0 ? line.split("\t", 4) : line.split("\\s+", 4);
            if (cols.length < 3) {
                throw new CalendarDataException(source, lineNo,
                        "expected date, kind, arrangement year and an optional note separated by tabs, got \"" + line + "\"");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(cols[0].trim());
            } catch (DateTimeParseException e) {
                throw new CalendarDataException(source, lineNo, "date is not an ISO date (yyyy-MM-dd): \"" + cols[0].trim() + "\"");
            }
            String kindText = cols[1].trim();
            String yearText = cols[2].trim();
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (kindText.equals("closure")) {
                if (!yearText.equals("-")) {
                    throw new CalendarDataException(source, lineNo,
                            "a closure belongs to no official arrangement: write \"-\" as its arrangement year, not \"" + yearText + "\"");
                }
                return new Row(date, DayKind.LOCAL_CLOSURE, 0);
            }
            DayKind kind;
            if (kindText.equals("holiday")) {
                kind = DayKind.OFFICIAL_HOLIDAY;
            } else if (kindText.equals("workday")) {
                if (!weekend) {
                    throw new CalendarDataException(source, lineNo, "a make-up working day (调休上班) must be a Saturday or Sunday; "
                            + date + " is a " + date.getDayOfWeek());
                }
                kind = DayKind.MAKE_UP_WORKING_DAY;
            } else {
                throw new CalendarDataException(source, lineNo, "kind must be holiday, workday or closure, not \"" + kindText + "\"");
            }
            int year;
            try {
                year = Integer.parseInt(yearText);
            } catch (NumberFormatException e) {
                throw new CalendarDataException(source, lineNo, "arrangement year is not a year: \"" + yearText + "\"");
            }
            boolean sameYear = year == date.getYear();
            boolean reachesBack = year == date.getYear() + 1 && date.getMonth() == Month.DECEMBER
                    && date.getDayOfMonth() >= YEAR_END_WINDOW_START;
            if (!sameYear && !reachesBack) {
                throw new CalendarDataException(source, lineNo, "the " + year + " arrangement cannot contain " + date
                        + ": an arrangement covers its own year and at most the last week of the year before");
            }
            return new Row(date, kind, year);
        }
    }

    private static final class Official {
        static final WorkingDayCalendar INSTANCE = load();

        private static WorkingDayCalendar load() {
            Builder b = builder();
            try (Reader reader = resource(OFFICIAL_RESOURCE)) {
                b.load(reader, OFFICIAL_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("reading bundled " + OFFICIAL_RESOURCE, e);
            }
            Path dir = configuredDirectory(System.getProperty(DIRECTORY_PROPERTY), System.getenv(DIRECTORY_ENV));
            if (dir != null) {
                try {
                    b.loadDirectory(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException("reading the calendar directory " + dir + " named by "
                            + DIRECTORY_PROPERTY + " / " + DIRECTORY_ENV, e);
                }
            }
            return b.build();
        }
    }

    static Reader resource(String name) {
        InputStream in = WorkingDayCalendar.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("bundled resource " + name + " is missing from the sdk-core jar");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** The statutory holidays of 2027–2050 (generated; see docs/calendar.md): date, then festival name. */
    private static final class Statutory {
        static final Map<LocalDate, String> DAYS;
        static final SortedSet<Integer> YEARS;

        static {
            Map<LocalDate, String> days = new HashMap<>();
            SortedSet<Integer> years = new TreeSet<>();
            try (BufferedReader lines = new BufferedReader(resource(STATUTORY_RESOURCE))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.trim().isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    String[] cols = line.split("\t", 2);
                    LocalDate date = LocalDate.parse(cols[0]);
                    days.put(date, cols.length > 1 ? cols[1] : "");
                    years.add(date.getYear());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading bundled " + STATUTORY_RESOURCE, e);
            }
            DAYS = Collections.unmodifiableMap(days);
            YEARS = Collections.unmodifiableSortedSet(years);
        }
    }
}
