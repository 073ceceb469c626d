package com.videoapi.portal.security.verification.control;

import java.time.Instant;

/** The counts behind the budgets, read and written only while the plan's scopes are locked. */
interface Tally {

    /** Codes counted for the budget's scope in the buckets its window sums at {@code now}. */
    long sum(Budget budget, Instant now);

    /** Counts one code in the budget's bucket that holds {@code now}. */
    void add(Budget budget, Instant now);
}
