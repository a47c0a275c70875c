package org.haochaping.calendar.statutory;

import java.time.Instant;

/**
 * The two astronomical events the Chinese calendar (农历) needs, to well under a minute for 1900–2100:
 * the instant of a new moon (朔) and the instant the Sun's apparent longitude reaches a value (节气).
 *
 * <p>Method (J. Meeus, <i>Astronomical Algorithms</i>, 2nd ed., 1998):
 * <ul>
 *   <li>Sun: chapter 25 "higher accuracy": the Earth's heliocentric longitude from the truncated VSOP87
 *       series of Appendix III (also tabulated in Reda &amp; Andreas, "Solar Position Algorithm", NREL 2004,
 *       Table A4.2), conversion to FK5 (−0.09033″), nutation in longitude (chapter 22, the 0.5″ series) and
 *       aberration (−20.4898″/R). Error about 1″, i.e. under 30 seconds of time for a solar term.</li>
 *   <li>Moon: chapter 49, the new-moon series with its 14 planetary arguments; Meeus gives a mean error of
 *       3.7 s and a maximum of 17.4 s against ELP-2000/82.</li>
 *   <li>Dynamical time to UT: ΔT from the Espenak–Meeus polynomial for 2005–2050 (NASA eclipse site),
 *       used also past 2050; its error grows to about a minute by 2050, still far below what matters here.</li>
 * </ul>
 * The generator checks that no event used falls within {@link StatutoryHolidayGenerator#SAFETY_MARGIN_SECONDS}
 * of Beijing midnight, where these errors could change a date.
 */
final class Astronomy {

    private static final double DEG = Math.PI / 180;
    private static final double JD_UNIX_EPOCH = 2440587.5;

    private Astronomy() {
    }

    /** Julian Ephemeris Day of the new moon with lunation number k (k = 0: 2000-01-06). */
    static double newMoonJde(int k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        double mp = rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        double f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        double om = rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
        double c = -0.40720 * Math.sin(mp)
                + 0.17241 * e * Math.sin(m)
                + 0.01608 * Math.sin(2 * mp)
                + 0.01039 * Math.sin(2 * f)
                + 0.00739 * e * Math.sin(mp - m)
                - 0.00514 * e * Math.sin(mp + m)
                + 0.00208 * e * e * Math.sin(2 * m)
                - 0.00111 * Math.sin(mp - 2 * f)
                - 0.00057 * Math.sin(mp + 2 * f)
                + 0.00056 * e * Math.sin(2 * mp + m)
                - 0.00042 * Math.sin(3 * mp)
                + 0.00042 * e * Math.sin(m + 2 * f)
                + 0.00038 * e * Math.sin(m - 2 * f)
                - 0.00024 * e * Math.sin(2 * mp - m)
                - 0.00017 * Math.sin(om)
                - 0.00007 * Math.sin(mp + 2 * m)
                + 0.00004 * Math.sin(2 * mp - 2 * f)
                + 0.00004 * Math.sin(3 * m)
                + 0.00003 * Math.sin(mp + m - 2 * f)
                + 0.00003 * Math.sin(2 * mp + 2 * f)
                - 0.00003 * Math.sin(mp + m + 2 * f)
                + 0.00003 * Math.sin(mp - m + 2 * f)
                - 0.00002 * Math.sin(mp - m - 2 * f)
                - 0.00002 * Math.sin(3 * mp + m)
                + 0.00002 * Math.sin(4 * mp);
        double[][] planetary = {
            {299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
            {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
            {207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
            {207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
            {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023}};
        double a = 0;
        for (int i = 0; i < planetary.length; i++) {
            double arg = planetary[i][0] + planetary[i][1] * k - (i == 0 ? 0.009173 * t2 : 0);
            a += planetary[i][2] * Math.sin(rad(arg));
        }
        return jde + c + a;
    }

    /** The lunation number of the last new moon at or before the given JDE (within one of the estimate). */
    static int lunationAtOrBefore(double jde) {
        int k = (int) Math.floor((jde - 2451550.09766) / 29.530588861);
        while (newMoonJde(k + 1) <= jde) {
            k++;
        }
        while (newMoonJde(k) > jde) {
            k--;
        }
        return k;
    }

    /** The Sun's apparent geocentric longitude in degrees [0, 360) at a JDE. */
    static double sunApparentLongitude(double jde) {
        double tau = (jde - 2451545.0) / 365250;
        double l = series(VsopEarth.L, tau);
        double r = series(VsopEarth.R, tau);
        double theta = Math.toDegrees(l) + 180;
        double t = tau * 10;
        double omega = rad(125.04452 - 1934.136261 * t);
        double lSun = rad(280.4665 + 36000.7698 * t);
        double lMoon = rad(218.3165 + 481267.8813 * t);
        double nutation = -17.20 * Math.sin(omega) - 1.32 * Math.sin(2 * lSun) - 0.23 * Math.sin(2 * lMoon)
                + 0.21 * Math.sin(2 * omega);
        double aberration = -20.4898 / r;
        double lambda = theta + (-0.09033 + nutation + aberration) / 3600;
        return normalize(lambda);
    }

    /** The JDE at which the Sun's apparent longitude is {@code degrees}, searched near {@code guessJde} (±20 days). */
    static double solarLongitudeJde(double degrees, double guessJde) {
        double jde = guessJde;
        for (int i = 0; i < 50; i++) {
            double diff = normalize(degrees - sunApparentLongitude(jde) + 180) - 180;
            double step = diff / 360 * 365.2422;
            jde += step;
            if (Math.abs(step) < 1e-7) {
                return jde;
            }
        }
        throw new IllegalStateException("solar longitude " + degrees + " did not converge near JDE " + guessJde);
    }

    /** The JDE when the Sun reaches {@code degrees} in Gregorian year {@code year} (first crossing after Jan 1, 0h TT). */
    static double solarTermJde(int year, double degrees) {
        double jan1 = julianDay(year, 1, 1.0);
        double atJan1 = sunApparentLongitude(jan1);
        double ahead = normalize(degrees - atJan1);
        return solarLongitudeJde(degrees, jan1 + ahead / 360 * 365.2422);
    }

    /** ΔT = TT − UT in seconds (Espenak–Meeus, 2005–2050 polynomial; 1986–2005 polynomial before). */
    static double deltaTSeconds(double year) {
        if (year < 2005) {
            double t = year - 2000;
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * t * t * t * t
                    + 0.00002373599 * t * t * t * t * t;
        }
        double t = year - 2000;
        return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }

    /** The UT instant of a JDE (Terrestrial Time). */
    static Instant toInstant(double jde) {
        double yearApprox = 2000 + (jde - 2451545.0) / 365.25;
        double jdUt = jde - deltaTSeconds(yearApprox) / 86400;
        double seconds = (jdUt - JD_UNIX_EPOCH) * 86400;
        long whole = (long) Math.floor(seconds);
        return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9) % 1_000_000_000L);
    }

    /** Julian Day of a Gregorian date at a (fractional) day of month, 0h = .0 (Meeus chapter 7). */
    static double julianDay(int year, int month, double day) {
        int y = year;
        int m = month;
        if (m <= 2) {
            y--;
            m += 12;
        }
        int a = y / 100;
        int b = 2 - a + a / 4;
        return Math.floor(365.25 * (y + 4716)) + Math.floor(30.6001 * (m + 1)) + day + b - 1524.5;
    }

    private static double series(double[][][] terms, double tau) {
        double sum = 0;
        double power = 1;
        for (double[][] row : terms) {
            double s = 0;
            for (double[] term : row) {
                s += term[0] * Math.cos(term[1] + term[2] * tau);
            }
            sum += s * power;
            power *= tau;
        }
        return sum / 1e8;
    }

    private static double rad(double degrees) {
        return degrees * DEG;
    }

    private static double normalize(double degrees) {
        double d = degrees % 360;
        return d < 0 ? d + 360 : d;
    }
}
