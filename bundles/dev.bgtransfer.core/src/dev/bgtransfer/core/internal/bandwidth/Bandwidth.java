package dev.bgtransfer.core.internal.bandwidth;

import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.bgtransfer.core.RateLimit;
import dev.bgtransfer.core.RateSchedule;

/**
 * Every bandwidth limit of a service: overall (by the time of day), per session, per host and per
 * transfer. A transfer's {@link Throttle} holds it to all that apply; a limit changed here holds for
 * the connections already running within a quarter of a second, and the overall schedule is looked
 * at again once a second, on the clock given (a test's clock moves the time of day at will).
 */
public final class Bandwidth {
    private static final long SCHEDULE_LOOK_NANOS = 1_000_000_000L;

    private final Clock clock;
    private final RateBucket overall = new RateBucket(0);
    private final Map<String, RateBucket> sessions = new HashMap<>();
    private final Map<String, RateBucket> hosts = new HashMap<>();
    private final Map<Long, RateBucket> transfers = new HashMap<>();
    private RateSchedule schedule = RateSchedule.UNLIMITED;
    private volatile long nextScheduleLook = System.nanoTime();

    /** @param clock gives the local time of day the overall schedule is read at */
    public Bandwidth(Clock clock) {
        this.clock = clock;
    }

    public synchronized RateSchedule overall() {
        return schedule;
    }

    /** Sets the overall limit and applies the one in force now. */
    public void setOverall(RateSchedule newSchedule) {
        synchronized (this) {
            schedule = newSchedule;
        }
        lookAtSchedule();
    }

    /** Applies the overall limit in force at the clock's time now. */
    public void lookAtSchedule() {
        RateSchedule current;
        synchronized (this) {
            current = schedule;
        }
        nextScheduleLook = System.nanoTime() + SCHEDULE_LOOK_NANOS;
        overall.setRate(current.limitAt(LocalTime.now(clock)).bytesPerSecond());
    }

    /** @return the overall limit in force now */
    public RateLimit overallNow() {
        return RateLimit.of(overall.bytesPerSecond());
    }

    public synchronized RateLimit host(String host) {
        return limitOf(hosts.get(hostKey(host)));
    }

    /** @return every host that has a limit, with it */
    public synchronized Map<String, RateLimit> hosts() {
        return limited(hosts);
    }

    private static Map<String, RateLimit> limited(Map<String, RateBucket> buckets) {
        Map<String, RateLimit> limited = new HashMap<>();
        buckets.forEach((key, bucket) -> {
            if (bucket.bytesPerSecond() > 0) {
                limited.put(key, RateLimit.of(bucket.bytesPerSecond()));
            }
        });
        return limited;
    }

    public synchronized void setHost(String host, RateLimit limit) {
        hosts.computeIfAbsent(hostKey(host), key -> new RateBucket(0)).setRate(limit.bytesPerSecond());
    }

    /** @return every session that has a limit, with it */
    public synchronized Map<String, RateLimit> sessions() {
        return limited(sessions);
    }

    public synchronized RateLimit session(String identifier) {
        return limitOf(sessions.get(identifier));
    }

    public synchronized void setSession(String identifier, RateLimit limit) {
        sessions.computeIfAbsent(identifier, key -> new RateBucket(0)).setRate(limit.bytesPerSecond());
    }

    /** Forgets the limit of a session that ended. */
    public synchronized void forgetSession(String identifier) {
        Optional.ofNullable(sessions.remove(identifier)).ifPresent(bucket -> bucket.setRate(0));
    }

    public synchronized RateLimit transfer(long id) {
        return limitOf(transfers.get(id));
    }

    public synchronized void setTransfer(long id, RateLimit limit) {
        transfers.computeIfAbsent(id, key -> new RateBucket(0)).setRate(limit.bytesPerSecond());
    }

    /** Transfer {@code id} stopped running: its bucket is kept only when it has a limit. */
    public synchronized void release(long id) {
        RateBucket bucket = transfers.get(id);
        if (bucket != null && bucket.bytesPerSecond() == 0) {
            transfers.remove(id);
        }
    }

    /** Forgets the limit of a transfer that was removed. */
    public synchronized void forgetTransfer(long id) {
        Optional.ofNullable(transfers.remove(id)).ifPresent(bucket -> bucket.setRate(0));
    }

    /**
     * @return the throttle of transfer {@code id} of {@code session} to {@code host}: its limits as they are
     *         now and as they will be set later (a limit set later for its session or host holds for it too)
     */
    public synchronized Throttle throttle(long id, String session, String host) {
        List<RateBucket> buckets = new ArrayList<>(4);
        buckets.add(transfers.computeIfAbsent(id, key -> new RateBucket(0)));
        buckets.add(sessions.computeIfAbsent(session, key -> new RateBucket(0)));
        buckets.add(hosts.computeIfAbsent(hostKey(host), key -> new RateBucket(0)));
        buckets.add(overall);
        return new Throttle(buckets, this::lookAtScheduleWhenDue);
    }

    private void lookAtScheduleWhenDue() {
        if (System.nanoTime() - nextScheduleLook >= 0) {
            lookAtSchedule();
        }
    }

    private static RateLimit limitOf(RateBucket bucket) {
        return bucket == null ? RateLimit.UNLIMITED : RateLimit.of(bucket.bytesPerSecond());
    }

    /** @return a host name as limits are kept by: case does not matter in host names */
    public static String hostKey(String host) {
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }
}
