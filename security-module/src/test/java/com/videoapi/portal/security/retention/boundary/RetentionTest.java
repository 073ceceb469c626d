package com.videoapi.portal.security.retention.boundary;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionTest {

    @Test
    void batches_go_on_until_one_comes_back_short() {
        ArrayDeque<Integer> batches = new ArrayDeque<>(List.of(Retention.BATCH, Retention.BATCH, 7, Retention.BATCH));
        assertEquals(2 * Retention.BATCH + 7, Retention.inBatches(batches::pop));
        assertEquals(1, batches.size(), "the batch after the short one is not asked for");
    }

    @Test
    void a_run_stops_after_its_share_and_leaves_the_rest_to_the_next() {
        int[] asked = {0};
        int total = Retention.inBatches(() -> {
            asked[0]++;
            return Retention.BATCH;
        });
        assertEquals(Retention.MOST_BATCHES, asked[0]);
        assertEquals(Retention.MOST_BATCHES * Retention.BATCH, total);
        assertTrue(total > 0);
    }
}
