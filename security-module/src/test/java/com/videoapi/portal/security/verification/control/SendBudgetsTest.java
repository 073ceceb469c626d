package com.videoapi.portal.security.verification.control;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.security.verification.boundary.Channel;
import com.videoapi.portal.security.verification.boundary.SendCeilings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The budgets over counters kept in memory: the same {@link SendBudgets#decide} that runs under the
 * database locks, fed by a tally that records which buckets it read and wrote.
 */
class SendBudgetsTest {

    private static final PhoneNumber VICTIM = PhoneNumber.ofE164("+447400123456");
    private static final PhoneNumber ALICES = PhoneNumber.ofE164("+447400654321");

    private final UUID alice = UUID.randomUUID();
    private final UUID mallory = UUID.randomUUID();
    private Instant now = Instant.parse("2026-11-30T09:05:00Z");
    private final MemoryCounters counters = new MemoryCounters();
    private SendBudgets budgets;

    @BeforeEach
    void budgets() {
        budgets = budgets(10, 200);
    }

    private SendBudgets budgets(int perAddress, int enrolmentCeiling) {
        SendBudgets budgets = new SendBudgets();
        budgets.counters = counters;
        budgets.ceilings = new SendCeilings();
        budgets.numberHashes = NumberHashes.of("a test key of at least thirty-two characters", Channel.VONAGE);
        budgets.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        budgets.enrolmentsPerAddressPerHour = () -> perAddress;
        budgets.enrolmentsPerHour = () -> enrolmentCeiling;
        budgets.codesPerUserPerHour = 5;
        budgets.codesPerNumberPerDay = 10;
        budgets.codesPerHour = 1000;
        return budgets;
    }

    private Admission enrol(UUID user, PhoneNumber number, String address) {
        return budgets.admitEnrolment(user, number, address, false);
    }

    private static PhoneNumber number(int i) {
        return PhoneNumber.ofE164("+4474001" + String.format("%05d", i));
    }

    @Test
    void an_account_gets_three_enrolment_codes_an_hour() {
        for (int i = 0; i < 3; i++) {
            assertTrue(budgets.admitEnrolment(alice, ALICES, "192.0.2.1", true).admitted());
        }
        assertEquals(Refusal.ENROL_USER, budgets.admitEnrolment(alice, ALICES, "192.0.2.1", true).refusal());
        now = now.plus(Duration.ofMinutes(50));
        assertEquals(Refusal.ENROL_USER, budgets.admitEnrolment(alice, number(2), "192.0.2.1", true).refusal());
        now = now.plus(Duration.ofMinutes(70));
        // 3 a day to one number: the next code goes to another.
        assertTrue(budgets.admitEnrolment(alice, number(2), "192.0.2.1", true).admitted(), "a slot frees up 60 to 70 minutes on");
    }

    @Test
    void a_refused_code_counts_against_nothing() {
        for (int i = 0; i < 3; i++) {
            enrol(alice, ALICES, "192.0.2.1");
        }
        long counted = counters.total();
        assertEquals(Refusal.ENROL_USER, enrol(alice, ALICES, "192.0.2.1").refusal());
        assertEquals(counted, counters.total());
    }

    @Test
    void until_its_email_is_verified_an_account_tries_two_distinct_numbers_a_day() {
        assertTrue(enrol(mallory, number(1), "192.0.2.1").admitted());
        assertTrue(enrol(mallory, number(2), "192.0.2.1").admitted());
        now = now.plus(Duration.ofMinutes(70));
        assertEquals(Refusal.ENROL_USER_NUMBERS, enrol(mallory, number(3), "192.0.2.1").refusal());
        assertTrue(enrol(mallory, number(2), "192.0.2.1").admitted(), "a number tried today is no new number");
        now = now.plus(Duration.ofHours(24));
        assertTrue(enrol(mallory, number(3), "192.0.2.1").admitted(), "the next day");
    }

    @Test
    void with_a_verified_email_an_account_tries_three_distinct_numbers_a_day() {
        for (int i = 1; i <= 3; i++) {
            now = now.plus(Duration.ofMinutes(30));
            assertTrue(budgets.admitEnrolment(alice, number(i), "192.0.2.1", true).admitted());
        }
        now = now.plus(Duration.ofMinutes(70));
        assertEquals(Refusal.ENROL_USER_NUMBERS, budgets.admitEnrolment(alice, number(4), "192.0.2.1", true).refusal());
    }

    @Test
    void a_number_gets_three_enrolment_codes_a_day_across_all_accounts() {
        for (int account = 0; account < 3; account++) {
            assertTrue(enrol(UUID.randomUUID(), VICTIM, "192.0.2." + account).admitted());
        }
        assertEquals(Refusal.ENROL_NUMBER, enrol(UUID.randomUUID(), VICTIM, "192.0.2.9").refusal());
        now = now.plus(Duration.ofHours(23));
        assertEquals(Refusal.ENROL_NUMBER, enrol(UUID.randomUUID(), VICTIM, "192.0.2.9").refusal());
        now = now.plus(Duration.ofHours(2));
        assertTrue(enrol(UUID.randomUUID(), VICTIM, "192.0.2.9").admitted());
    }

    @Test
    void one_address_gets_its_setting_of_enrolment_codes_an_hour_and_ipv6_counts_by_its_64() {
        budgets = budgets(2, 200);
        assertTrue(enrol(UUID.randomUUID(), number(1), "2001:db8:1:2::a").admitted());
        assertTrue(enrol(UUID.randomUUID(), number(2), "2001:db8:1:2:ffff::b").admitted());
        assertEquals(Refusal.ENROL_ADDRESS, enrol(UUID.randomUUID(), number(3), "2001:db8:1:2:0:0:0:c").refusal());
        assertTrue(enrol(UUID.randomUUID(), number(3), "2001:db8:1:3::a").admitted(), "another /64");
    }

    @Test
    void the_enrolment_ceiling_stops_every_enrolment_and_no_sign_in_code() {
        budgets = budgets(1000, 5);
        for (int i = 0; i < 5; i++) {
            assertTrue(enrol(UUID.randomUUID(), number(i), "192.0.2.1").admitted());
        }
        assertEquals(Refusal.ENROL_CEILING, enrol(UUID.randomUUID(), number(9), "192.0.2.1").refusal());
        assertTrue(budgets.admitCode(alice, ALICES).admitted(), "sign-in codes have a budget of their own");
        assertTrue(budgets.ceilings.details(now).containsKey("sms-enrolment-ceiling"));
    }

    @Test
    void sign_in_codes_are_counted_for_their_user_only() {
        // Mallory's enrolments to Alice's number, and Bob's codes to the same number, cost Alice nothing.
        for (int i = 0; i < 3; i++) {
            enrol(mallory, ALICES, "192.0.2.66");
        }
        UUID bob = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertTrue(budgets.admitCode(bob, ALICES).admitted());
        }
        for (int i = 0; i < 5; i++) {
            assertTrue(budgets.admitCode(alice, ALICES).admitted());
        }
        assertEquals(Refusal.CODE_USER, budgets.admitCode(alice, ALICES).refusal());
    }

    @Test
    void a_user_gets_ten_codes_a_day_to_their_number() {
        for (int hour = 0; hour < 5; hour++) {
            for (int i = 0; i < 2; i++) {
                assertTrue(budgets.admitCode(alice, ALICES).admitted());
            }
            now = now.plus(Duration.ofMinutes(71));
        }
        assertEquals(Refusal.CODE_USER_NUMBER, budgets.admitCode(alice, ALICES).refusal());
    }

    @Test
    void checking_a_budget_reads_the_same_number_of_buckets_however_many_codes_went_out() {
        budgets = budgets(1_000_000, 1_000_000);
        for (int i = 0; i < 2000; i++) {
            enrol(UUID.randomUUID(), number(i), "192.0.2.1");
            now = now.plusSeconds(30);
        }
        // Hourly: at most 7 buckets of 10 minutes; daily: at most 25 of an hour.
        assertTrue(counters.rowsOf("enrol:all") <= 7, counters.rowsOf("enrol:all") + " rows");
        assertTrue(counters.rowsOf("enrol:address:192.0.2.1") <= 7);
        long lastHour = counters.sumOf("enrol:all", Budget.of("enrol:all", Duration.ofHours(1), 1, null).since(now));
        assertTrue(lastHour >= 120 && lastHour <= 140, "two codes a minute, over 60 to 70 minutes: " + lastHour);
    }

    @Test
    void codes_counted_at_a_later_time_do_not_count_when_the_clock_is_set_back() {
        Instant real = now;
        now = now.plus(Duration.ofHours(30));
        for (int i = 0; i < 3; i++) {
            assertTrue(enrol(UUID.randomUUID(), VICTIM, "192.0.2.1").admitted());
        }
        now = real;
        assertTrue(enrol(UUID.randomUUID(), VICTIM, "192.0.2.1").admitted());
    }

    @Test
    void ipv4_addresses_count_as_they_are_and_anything_else_as_unknown() {
        assertEquals("192.0.2.1", SendBudgets.addressScope("192.0.2.1"));
        assertEquals("2001:db8:0:0::/64", SendBudgets.addressScope("2001:db8::1"));
        assertEquals("fe80:0:0:0::/64", SendBudgets.addressScope("fe80::1%eth0"));
        assertEquals("unknown", SendBudgets.addressScope(null));
        assertEquals("unknown", SendBudgets.addressScope("example.com"));
    }

    @Test
    void buckets_are_ten_minutes_for_an_hour_and_an_hour_for_a_day() {
        Budget hourly = Budget.of("s", Duration.ofHours(1), 1, Refusal.CODE_USER);
        Budget daily = Budget.of("s", Duration.ofDays(1), 1, Refusal.CODE_USER);
        assertEquals(Instant.parse("2026-11-30T09:00:00Z"), hourly.bucketOf(now));
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"), hourly.since(now));
        assertEquals(Instant.parse("2026-11-30T09:00:00Z"), daily.bucketOf(now));
        assertEquals(Instant.parse("2026-11-29T09:00:00Z"), daily.since(now));
    }

    @Test
    void the_purge_looks_back_as_far_as_any_budget_sums_and_no_scope_names_a_number() {
        List<Budget> plans = new ArrayList<>(budgets.enrolmentPlan(alice, "hash-of-the-number", "192.0.2.1", false));
        plans.addAll(budgets.codePlan(alice, "hash-of-the-number"));
        for (Budget budget : plans) {
            assertTrue(!budget.since(now).isBefore(now.minus(SendBudgets.LONGEST_LOOKBACK)), budget.scope());
        }
        budgets.admitEnrolment(alice, VICTIM, "192.0.2.1", false);
        budgets.admitCode(alice, ALICES);
        for (String scope : counters.scopes()) {
            assertTrue(!scope.contains("7400123456") && !scope.contains("7400654321"), scope);
        }
    }

    /** The scopes' buckets in memory, with the same sums and the same clean-up as {@link SendCounters}. */
    private static final class MemoryCounters extends SendCounters implements Tally {

        private final Map<String, TreeMap<Instant, Integer>> buckets = new HashMap<>();

        @Override
        public Taken take(List<Budget> plan, Instant now) {
            return new Taken(SendBudgets.decide(plan, this, now), List.of());
        }

        @Override
        public long sum(Budget budget, Instant now) {
            return sumOf(budget.scope(), budget.since(now), budget.bucketOf(now));
        }

        long sumOf(String scope, Instant since) {
            return sumOf(scope, since, Instant.MAX);
        }

        long sumOf(String scope, Instant since, Instant until) {
            return buckets.getOrDefault(scope, new TreeMap<>()).subMap(since, true, until, true).values().stream()
                    .mapToLong(Integer::longValue).sum();
        }

        @Override
        public void add(Budget budget, Instant now) {
            TreeMap<Instant, Integer> rows = buckets.computeIfAbsent(budget.scope(), s -> new TreeMap<>());
            if (rows.merge(budget.bucketOf(now), 1, Integer::sum) == 1) {
                rows.headMap(budget.since(now), false).clear();
            }
        }

        java.util.Set<String> scopes() {
            return buckets.keySet();
        }

        int rowsOf(String scope) {
            return buckets.getOrDefault(scope, new TreeMap<>()).size();
        }

        long total() {
            return new ArrayList<>(buckets.values()).stream()
                    .flatMap(rows -> rows.values().stream()).mapToLong(Integer::longValue).sum();
        }
    }
}
