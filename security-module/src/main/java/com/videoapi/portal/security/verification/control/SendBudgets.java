package com.videoapi.portal.security.verification.control;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.security.audit.boundary.RequestOrigin;
import com.videoapi.portal.security.verification.boundary.SendCeilings;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * How many codes may go out, asked once per code by {@code Verifications} after the resend cooldown:
 * the one place of the send budgets. Its answer, an {@link Admission}, is final: an admitted code is
 * counted already, whether the channel then sends it, refuses it or times out.
 *
 * <p>Two budgets, so that an attacker's enrolment traffic never starves a person's sign-in codes:
 * <ul>
 *   <li><b>Enrolment codes</b>, to a number not yet verified for the user (toll fraud, SMS pumping):
 *       per account {@value #ENROLMENTS_PER_USER_PER_HOUR} an hour and {@value #NUMBERS_PER_USER_PER_DAY}
 *       distinct numbers a day ({@value #NUMBERS_PER_USER_PER_DAY_UNTIL_EMAIL_VERIFIED} until the
 *       account's e-mail address is verified); per number {@value #ENROLMENTS_PER_NUMBER_PER_DAY} a day
 *       across all accounts; per client address {@code twofactor.enrolment-sends-per-address-per-hour}
 *       (an IPv6 address counts by its /64, what one subscriber gets); and the portal's
 *       {@code twofactor.enrolment-sends-per-hour}.</li>
 *   <li><b>Sign-in and confirmation codes</b>, to the user's own verified number: per user
 *       {@code twofactor.sends-per-user-per-hour}, to that number {@code twofactor.sends-per-number-per-day},
 *       both counted for that user only (codes other accounts ask for to the same number never count),
 *       and the portal's {@code twofactor.sends-per-hour}.</li>
 * </ul>
 * Every count is exact under concurrency and costs the same however many codes went out
 * ({@link SendCounters}, {@link Budget}). Reaching a ceiling is logged at WARNING, once an hour per
 * node and ceiling, and shown in the readiness data ({@link SendCeilings}).
 *
 * <p>The two enrolment settings are read at each code, not once per bean: an operator under attack
 * lowers them in a running server (a system property set through the management API takes effect
 * at once), and so do the integration tests.
 */
@Stateless
public class SendBudgets {

    static final int ENROLMENTS_PER_USER_PER_HOUR = 3;
    static final int NUMBERS_PER_USER_PER_DAY = 3;
    static final int NUMBERS_PER_USER_PER_DAY_UNTIL_EMAIL_VERIFIED = 2;
    static final int ENROLMENTS_PER_NUMBER_PER_DAY = 3;

    /** How far back any budget sums: the longest window (a day) and the bucket that holds its start. */
    public static final Duration LONGEST_LOOKBACK = Duration.ofDays(1).plusHours(1);
    /** The portal's ceilings, whose anchors every admission locks: never purged. */
    public static final List<String> CEILING_SCOPES = List.of("enrol:all", "code:all");

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    @Inject
    SendCounters counters;

    @Inject
    SendCeilings ceilings;

    @Inject
    NumberHashes numberHashes;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "twofactor.enrolment-sends-per-address-per-hour")
    Provider<Integer> enrolmentsPerAddressPerHour;

    @Inject
    @ConfigProperty(name = "twofactor.enrolment-sends-per-hour")
    Provider<Integer> enrolmentsPerHour;

    @Inject
    @ConfigProperty(name = "twofactor.sends-per-user-per-hour")
    int codesPerUserPerHour;

    @Inject
    @ConfigProperty(name = "twofactor.sends-per-number-per-day")
    int codesPerNumberPerDay;

    @Inject
    @ConfigProperty(name = "twofactor.sends-per-hour")
    int codesPerHour;

    /**
     * An enrolment code: to a number not yet verified for this user.
     *
     * @param address       the client's address as the server saw it (null when unknown)
     * @param emailVerified whether the account's e-mail address is verified
     */
    public Admission admitEnrolment(UUID userId, PhoneNumber number, String address, boolean emailVerified) {
        return numberHashes.hashOf(number)
                .map(numberHash -> admit(enrolmentPlan(userId, numberHash, address, emailVerified)))
                .orElse(Admission.refused(Refusal.NUMBER_KEY_MISSING));
    }

    /** A sign-in or confirmation code: to this user's own verified number. */
    public Admission admitCode(UUID userId, PhoneNumber number) {
        return numberHashes.hashOf(number)
                .map(numberHash -> admit(codePlan(userId, numberHash)))
                .orElse(Admission.refused(Refusal.NUMBER_KEY_MISSING));
    }

    /** Scopes name a number by its keyed hash ({@link NumberHashes}), never the number itself. */
    List<Budget> enrolmentPlan(UUID userId, String numberHash, String address, boolean emailVerified) {
        String triedNumber = "enrol:user-number:" + userId + ":" + numberHash;
        return List.of(
                Budget.of("enrol:user:" + userId, HOUR, ENROLMENTS_PER_USER_PER_HOUR, Refusal.ENROL_USER),
                Budget.marker(triedNumber, DAY),
                Budget.of("enrol:user-numbers:" + userId, DAY,
                        emailVerified ? NUMBERS_PER_USER_PER_DAY : NUMBERS_PER_USER_PER_DAY_UNTIL_EMAIL_VERIFIED,
                        Refusal.ENROL_USER_NUMBERS).unlessSeen(triedNumber),
                Budget.of("enrol:number:" + numberHash, DAY, ENROLMENTS_PER_NUMBER_PER_DAY, Refusal.ENROL_NUMBER),
                Budget.of("enrol:address:" + addressScope(address), HOUR, enrolmentsPerAddressPerHour.get(),
                        Refusal.ENROL_ADDRESS),
                Budget.of("enrol:all", HOUR, enrolmentsPerHour.get(), Refusal.ENROL_CEILING));
    }

    List<Budget> codePlan(UUID userId, String numberHash) {
        return List.of(
                Budget.of("code:user:" + userId, HOUR, codesPerUserPerHour, Refusal.CODE_USER),
                Budget.of("code:user-number:" + userId + ":" + numberHash, DAY, codesPerNumberPerDay,
                        Refusal.CODE_USER_NUMBER),
                Budget.of("code:all", HOUR, codesPerHour, Refusal.CODE_CEILING));
    }

    private Admission admit(List<Budget> plan) {
        Instant now = clock.instant();
        SendCounters.Taken taken = counters.take(plan, now);
        if (!taken.missingScopes().isEmpty()) {
            for (String scope : taken.missingScopes()) {
                try {
                    counters.open(scope);
                } catch (EJBException raced) {
                    // Another request created it first: the row exists now either way.
                }
            }
            taken = counters.take(plan, now);
            if (!taken.missingScopes().isEmpty()) {
                throw new IllegalStateException("Send budget scopes still missing after creating them");
            }
        }
        Admission admission = taken.admission();
        admission.refusalReason().filter(Refusal::isCeiling).ifPresent(ceiling -> {
            if (ceilings.reached(ceiling, now)) {
                LOG.warning(() -> "SMS ceiling reached (" + settingOf(ceiling) + " = " + capOf(plan, ceiling)
                        + " codes an hour): no such code is sent until it frees up");
            }
        });
        return admission;
    }

    /**
     * Checks every budget of the plan, then counts the code in each, or in none: the first budget
     * whose cap is reached refuses it. A budget {@link Budget#unlessSeen} a marker that counted
     * something is skipped. Only ever called with the plan's scopes locked.
     */
    static Admission decide(List<Budget> plan, Tally tally, Instant now) {
        Map<String, Long> sums = new HashMap<>();
        for (Budget budget : plan) {
            sums.put(budget.scope(), tally.sum(budget, now));
        }
        List<Budget> counted = plan.stream()
                .filter(budget -> budget.unlessSeen() == null || sums.getOrDefault(budget.unlessSeen(), 0L) == 0)
                .toList();
        for (Budget budget : counted) {
            if (budget.refusal() != null && sums.get(budget.scope()) >= budget.cap()) {
                return Admission.refused(budget.refusal());
            }
        }
        for (Budget budget : counted) {
            tally.add(budget, now);
        }
        return Admission.SEND;
    }

    /**
     * The address an enrolment is counted against: the client's source as password checks count it
     * ({@link RequestOrigin#sourceOf}: an IPv4 address as it is, an IPv6 address by its /64).
     */
    static String addressScope(String address) {
        return RequestOrigin.sourceOf(address);
    }

    private static String settingOf(Refusal ceiling) {
        return ceiling == Refusal.ENROL_CEILING ? "twofactor.enrolment-sends-per-hour" : "twofactor.sends-per-hour";
    }

    private static long capOf(List<Budget> plan, Refusal refusal) {
        return plan.stream().filter(b -> b.refusal() == refusal).mapToLong(Budget::cap).findFirst().orElse(0);
    }
}
