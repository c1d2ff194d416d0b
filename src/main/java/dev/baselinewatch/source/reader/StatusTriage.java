package dev.baselinewatch.source.reader;

import dev.baselinewatch.dataworks.ApiAnswer;
import dev.baselinewatch.dataworks.DataWorksApi;
import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.BaselineStatusPage;
import dev.baselinewatch.dataworks.model.StatusQuery;
import dev.baselinewatch.event.InstanceKey;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the status of many instances with few calls: one {@code ListBaselineStatuses} page covers
 * up to 100 instances of a business date, where {@code GetBaselineStatus} costs one call each. Lists
 * a business date only when that is cheaper, judging by how many pages it took last time. The first
 * listing of a date takes every instance, finished or not, so the ones that finished before the job
 * looked are seen finished and the ones DataWorks does not have are known to be absent; later ones
 * take only the unfinished, which are the ones that can still change.
 *
 * <p>A listing shows at most 30 pages of 100 rows per filter. A business date with more instances
 * than that (200 hourly baselines make 4,800) is listed in slices, one per priority of the
 * baselines watched, each under its own 3,000-row cap; instances of a baseline whose priority is
 * unknown, or of a slice that still overflows, are asked one by one.
 */
final class StatusTriage {

    private static final int MAX_ROWS = DataWorksApi.MAX_PAGE_NUMBER * DataWorksApi.MAX_PAGE_SIZE;

    private final DataWorksApi api;
    private final PacedCaller caller;
    /** Rows per slice at its last listing: how many pages the next one takes. */
    private final Map<Slice, Integer> lastTotals = new HashMap<>();
    /** Slices listed in full once, or too big to list in full (a bounded set: old dates are dropped). */
    private final Set<Slice> listedInFull = new HashSet<>();
    /** Business dates whose listing overflowed the page cap: listed by priority from then on. */
    private final Set<LocalDate> sliced = new HashSet<>();

    StatusTriage(DataWorksApi api, PacedCaller caller) {
        this.api = api;
        this.caller = caller;
    }

    /** A business date, whole (priority null) or the instances of one priority: what one listing covers. */
    record Slice(LocalDate bizdate, Integer priority) {

        StatusQuery query(boolean inFull) {
            String onlyPriority = priority == null ? null : priority.toString();
            return new StatusQuery(inFull ? null : "UNFINISH", null, onlyPriority, null, null, null);
        }
    }

    /** The unfinished statuses of the slices it listed; an instance of a listed slice not in it is unfinished no more, or absent. */
    static final class Listing {
        private final Map<Long, Integer> priorities;
        private final Map<Slice, Map<String, ApiAnswer<BaselineStatus>>> bySlice = new HashMap<>();
        private final Map<Slice, Long> answeredAt = new HashMap<>();
        private final Set<Slice> complete = new HashSet<>();
        private boolean stopped;

        Listing(Map<Long, Integer> priorities) {
            this.priorities = priorities;
        }

        /** Throttled, quota spent or woken up while listing: the round should not go on now. */
        boolean stopped() {
            return stopped;
        }

        /** The listed slice {@code key} falls in, or null. */
        private Slice sliceOf(InstanceKey key) {
            Slice whole = new Slice(key.bizdate(), null);
            if (bySlice.containsKey(whole)) {
                return whole;
            }
            Integer priority = priorities.get(key.baselineId());
            Slice byPriority = priority == null ? null : new Slice(key.bizdate(), priority);
            return byPriority != null && bySlice.containsKey(byPriority) ? byPriority : null;
        }

        boolean covers(InstanceKey key) {
            return sliceOf(key) != null;
        }

        ApiAnswer<BaselineStatus> status(InstanceKey key) {
            return bySlice.get(sliceOf(key)).get(key.baselineId() + "/" + key.inGroupId());
        }

        long answeredAt(InstanceKey key) {
            return answeredAt.get(sliceOf(key));
        }

        /**
         * Every instance of the slice was listed, finished or not: one that is missing does not
         * exist (or, in a priority slice, its baseline's priority changed: then it is asked when due).
         */
        boolean complete(InstanceKey key) {
            return complete.contains(sliceOf(key));
        }

        static final Listing NONE = new Listing(Map.of());

        static Listing stoppedEarly() {
            Listing listing = new Listing(Map.of());
            listing.stopped = true;
            return listing;
        }
    }

    /**
     * Lists the business dates (or their priority slices) where that costs no more than asking one
     * by one: a date with at least one instance due, when its listing takes no more pages than it
     * has unfinished instances watched. Those not due yet are then seen fresh for free, so everything
     * the status shows is seen every round. A slice whose listing fails is left out: its instances
     * are asked one by one.
     *
     * @param due the instances due this round
     * @param unfinished every unfinished instance watched (due or not)
     * @param priorities each watched baseline's priority, where its configuration is known
     * @param onFailure how the poller treats a failed call (pause, report, or rethrow when fatal)
     */
    Listing list(Collection<InstanceKey> due, Collection<InstanceKey> unfinished, Map<Long, Integer> priorities,
            FailureHandler onFailure) throws DataWorksException, PacedCaller.Stopped {
        Listing listing = new Listing(priorities);
        Set<LocalDate> dueDates = due.stream().map(InstanceKey::bizdate).collect(Collectors.toSet());
        forgetDatesBefore(dueDates);
        Map<Slice, Long> watched = new HashMap<>();
        for (InstanceKey key : unfinished) {
            watched.merge(new Slice(key.bizdate(), null), 1L, Long::sum);
            Integer priority = priorities.get(key.baselineId());
            if (priority != null) {
                watched.merge(new Slice(key.bizdate(), priority), 1L, Long::sum);
            }
        }
        for (LocalDate date : dueDates) {
            if (watched.getOrDefault(new Slice(date, null), 0L) > MAX_ROWS) {
                // More unfinished instances watched than one listing can show: no need to try.
                sliced.add(date);
            }
            List<Slice> slices = sliced.contains(date)
                    ? watched.keySet().stream().filter(s -> s.bizdate().equals(date) && s.priority() != null).sorted(
                            java.util.Comparator.comparing(Slice::priority)).toList()
                    : List.of(new Slice(date, null));
            for (Slice slice : slices) {
                if (expectedPages(slice) > watched.getOrDefault(slice, 0L)) {
                    continue;
                }
                try {
                    listSlice(slice, listing);
                } catch (DataWorksException e) {
                    if (!onFailure.handle(e)) {
                        listing.stopped = true;
                        return listing;
                    }
                }
            }
        }
        return listing;
    }

    private int expectedPages(Slice slice) {
        int rows = Math.min(lastTotals.getOrDefault(slice, 0), MAX_ROWS);
        return Math.max(1, (rows + DataWorksApi.MAX_PAGE_SIZE - 1) / DataWorksApi.MAX_PAGE_SIZE);
    }

    /** Dates more than two days before every date asked now have rolled out of the watch: their memory goes. */
    private void forgetDatesBefore(Set<LocalDate> asked) {
        asked.stream().min(LocalDate::compareTo).map(oldest -> oldest.minusDays(2)).ifPresent(cutoff -> {
            listedInFull.removeIf(slice -> slice.bizdate().isBefore(cutoff));
            lastTotals.keySet().removeIf(slice -> slice.bizdate().isBefore(cutoff));
            sliced.removeIf(date -> date.isBefore(cutoff));
        });
    }

    /** Keeps every row, not only the due instances': the listing covers the others too, for free. */
    private void listSlice(Slice slice, Listing listing) throws DataWorksException, PacedCaller.Stopped {
        boolean inFull = !listedInFull.contains(slice);
        StatusQuery query = slice.query(inFull);
        Map<String, ApiAnswer<BaselineStatus>> rows = new HashMap<>();
        long answeredAt = Long.MIN_VALUE;
        BaselineStatusPage page;
        int pageNumber = 0;
        do {
            int number = ++pageNumber;
            ApiAnswer<BaselineStatusPage> answer = caller.call("ListBaselineStatuses",
                    () -> api.listBaselineStatuses(slice.bizdate(), number, DataWorksApi.MAX_PAGE_SIZE, query));
            page = answer.data();
            answeredAt = Math.max(answeredAt, answer.serverTimeMillis());
            for (BaselineStatus row : page.baselineStatuses()) {
                rows.put(row.baselineId() + "/" + (row.inGroupId() == null ? 1 : row.inGroupId()),
                        new ApiAnswer<>(row, answer.requestId(), answer.serverTimeMillis()));
            }
        } while (page.hasMore() && pageNumber < DataWorksApi.MAX_PAGE_NUMBER);
        lastTotals.put(slice, page.totalCount() == null ? rows.size() : page.totalCount());
        if (page.hasMore()) {
            // More than the cap shows. A whole date is listed by priority from now on; a slice, or a full
            // listing, is not tried in full again: the unfinished are fewer, and fit sooner.
            if (slice.priority() == null) {
                sliced.add(slice.bizdate());
            }
            listedInFull.add(slice);
            return;
        }
        listing.bySlice.put(slice, rows);
        listing.answeredAt.put(slice, answeredAt);
        if (inFull) {
            listedInFull.add(slice);
            listing.complete.add(slice);
        }
    }

    /** Treats a failed listing; false when the round should stop (throttled, quota spent). */
    @FunctionalInterface
    interface FailureHandler {
        boolean handle(DataWorksException e) throws DataWorksException;
    }
}
