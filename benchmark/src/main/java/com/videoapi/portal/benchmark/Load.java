package com.videoapi.portal.benchmark;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A closed-loop load: {@code concurrency} people at once, each starting its next round as soon as the
 * last one ended (no think time: the server is never idle for want of work), for a duration or a
 * number of rounds. Times each step (a page or a click with its redirects) into a histogram, counts
 * completed rounds and failed ones by reason; the server's CPU is read around it by the caller.
 */
final class Load {

    /** One round of a scenario, e.g. a whole sign-in, by person {@code round} (counted from 0). */
    interface Round {
        void run(int round, Load load);
    }

    final String scenario;
    private final Map<String, Histogram> steps = new ConcurrentHashMap<>();
    private final List<String> stepOrder = new ArrayList<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder completed = new LongAdder();
    private long elapsedNanos;

    Load(String scenario) {
        this.scenario = scenario;
    }

    /** Runs {@code step}, timing it under {@code name}. */
    <T> T step(String name, Supplier<T> step) {
        long start = System.nanoTime();
        T result = step.get();
        steps.computeIfAbsent(name, this::newStep).recordValue((System.nanoTime() - start) / 1_000);
        return result;
    }

    private Histogram newStep(String name) {
        synchronized (stepOrder) {
            stepOrder.add(name);
        }
        return new ConcurrentHistogram(3_600_000_000L, 3);
    }

    /** Runs rounds from {@code concurrency} threads until {@code duration} is over or {@code rounds} are done. */
    Load run(int concurrency, Duration duration, int rounds, Round round) {
        AtomicInteger next = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> people = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            Thread person = new Thread(() -> {
                while (System.nanoTime() < end) {
                    int n = next.getAndIncrement();
                    if (n >= rounds) {
                        return;
                    }
                    try {
                        round.run(n, this);
                        completed.increment();
                    } catch (Visitor.Failure failure) {
                        errors.computeIfAbsent(failure.getMessage(), reason -> new LongAdder()).increment();
                    } catch (RuntimeException e) {
                        errors.computeIfAbsent(e.toString(), reason -> new LongAdder()).increment();
                    }
                }
            }, scenario + "-" + i);
            person.start();
            people.add(person);
        }
        for (Thread person : people) {
            try {
                person.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        elapsedNanos = System.nanoTime() - start;
        return this;
    }

    long completed() {
        return completed.sum();
    }

    long failed() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    double seconds() {
        return elapsedNanos / 1e9;
    }

    double perSecond() {
        return completed() / seconds();
    }

    List<String> stepNames() {
        synchronized (stepOrder) {
            return List.copyOf(stepOrder);
        }
    }

    Histogram step(String name) {
        return steps.get(name);
    }

    Map<String, Long> errorsByReason() {
        Map<String, Long> byReason = new TreeMap<>();
        errors.forEach((reason, count) -> byReason.put(reason, count.sum()));
        return byReason;
    }
}
