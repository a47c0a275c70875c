package org.haochaping.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.haochaping.model.Target;
import org.junit.jupiter.api.Test;

class ReminderLinksTest {

    private static final byte[] SECRET = "0123456789abcdef-reminder".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OLD_SECRET = "fedcba9876543210-previous".getBytes(StandardCharsets.US_ASCII);

    private static Clock clockAt(String shanghaiDateTime) {
        return Clock.fixed(Instant.parse(shanghaiDateTime + "Z").minusSeconds(8 * 3600), ZoneOffset.UTC);
    }

    private static ReminderLinks links(String now, byte[]... secrets) {
        ReminderLinks.Builder b = ReminderLinks.builder().baseUrl("tj.gov.cn/e/").clock(clockAt(now));
        for (byte[] s : secrets) {
            b.secret(s);
        }
        return b.build();
    }

    private static TrackedCase tracked(long linkId) {
        return TrackedCase.builder().linkId(linkId).caseNo("TJ2026112600101").department("D", "市场监管委")
                .itemName("企业设立登记").completedAt(EvaluationTrackerTest.at("2026-11-26T09:40:00"))
                .owed(java.util.EnumSet.of(Target.SERVICE_ITEM), Target.SERVICE_ITEM).build();
    }

    @Test
    void aLinkIsShortAndVerifiesToItsCaseAndLastDay() {
        ReminderLinks links = links("2026-11-27T10:00:00", SECRET);
        ReminderLink link = links.issue(tracked(123456789L), LocalDate.of(2026, 12, 3));

        assertThat(link.token()).hasSize(ReminderLinks.TOKEN_LENGTH).matches("[A-Za-z0-9_-]{18}");
        assertThat(link.url()).isEqualTo("tj.gov.cn/e/" + link.token()).hasSize(30);

        ReminderLink verified = links.verify(link.url());
        assertThat(verified.linkId()).isEqualTo(123456789L);
        assertThat(verified.expiresOn()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(links.verify(link.token()).linkId()).isEqualTo(123456789L);
    }

    @Test
    void theLinkIsValidThroughItsLastDayAndExpiresAtMidnightShanghai() {
        ReminderLink link = links("2026-11-27T10:00:00", SECRET).issue(tracked(7), LocalDate.of(2026, 12, 3));

        assertThat(links("2026-12-03T23:59:59", SECRET).verify(link.token()).linkId()).isEqualTo(7);
        assertThatThrownBy(() -> links("2026-12-04T00:00:00", SECRET).verify(link.token()))
                .isInstanceOfSatisfying(ReminderLinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReminderLinkException.Reason.EXPIRED))
                .hasMessageContaining("Art. 16");
    }

    @Test
    void everyAlteredCharacterIsRefused() {
        ReminderLinks links = links("2026-11-27T10:00:00", SECRET);
        String token = links.issue(tracked(42), LocalDate.of(2026, 12, 3)).token();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < token.length(); i++) {
            char other = alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 1) % alphabet.length());
            String altered = token.substring(0, i) + other + token.substring(i + 1);
            assertThatThrownBy(() -> links.verify(altered)).isInstanceOfSatisfying(ReminderLinkException.class,
                    e -> assertThat(e.reason()).isIn(ReminderLinkException.Reason.BAD_SIGNATURE,
                            ReminderLinkException.Reason.MALFORMED))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(altered));
        }
    }

    @Test
    void anotherSecretDoesNotVerifyButAnOlderSecretKeptForRotationDoes() {
        ReminderLink byOld = links("2026-11-27T10:00:00", OLD_SECRET).issue(tracked(5), LocalDate.of(2026, 12, 3));

        assertThatThrownBy(() -> links("2026-11-27T10:00:00", SECRET).verify(byOld.token()))
                .isInstanceOfSatisfying(ReminderLinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReminderLinkException.Reason.BAD_SIGNATURE));
        assertThat(links("2026-11-27T10:00:00", SECRET, OLD_SECRET).verify(byOld.token()).linkId()).isEqualTo(5);
    }

    @Test
    void malformedTokensAreRefusedAsMalformed() {
        ReminderLinks links = links("2026-11-27T10:00:00", SECRET);
        for (String bad : new String[] {null, "", "short", "!!!!!!!!!!!!!!!!!!", "AAAAAAAAAAAAAAAAA=", "AAAAAAAAAAAAAAAAAB"}) {
            assertThatThrownBy(() -> links.verify(bad)).isInstanceOfSatisfying(ReminderLinkException.class,
                    e -> assertThat(e.reason()).isEqualTo(ReminderLinkException.Reason.MALFORMED));
        }
    }

    @Test
    void aCaseWithoutALinkNumberCannotHaveALink() {
        assertThatThrownBy(() -> links("2026-11-27T10:00:00", SECRET).issue(tracked(0), LocalDate.of(2026, 12, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("link number");
    }

    @Test
    void theTrackerFindsTheCaseOfAVerifiedLink() {
        EvaluationTracker tracker = EvaluationTracker.builder().build();
        TrackedCase c = tracker.register(EvaluationTrackerTest.windowCase("L1", "2026-11-02T10:00:00").build());
        ReminderLinks links = links("2026-11-03T10:00:00", SECRET);

        ReminderLink link = links.issue(c, tracker.unevaluatedDeadline(c).lastDay());

        assertThat(tracker.find(links.verify(link.url())).caseNo()).isEqualTo("L1");
    }
}
