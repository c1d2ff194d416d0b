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
 */
final class StatusTriage {

    private final DataWorksApi api;
    private final PacedCaller caller;
    /** Rows per business date at the last listing: how many pages the next one takes. */
    private final Map<LocalDate, Integer> lastTotals = new HashMap<>();
    /** Business dates listed in full once (a bounded set: only live dates are asked, and old ones are dropped). */
    private final Set<LocalDate> listedInFull = new java.util.HashSet<>();

    StatusTriage(DataWorksApi api, PacedCaller caller) {
        this.api = api;
        this.caller = caller;
    }

    /** The unfinished statuses of the business dates it listed; an instance of a listed date not in it is unfinished no more, or absent. */
    static final class Listing {
        private final Map<LocalDate, Map<String, ApiAnswer<BaselineStatus>>> byDate = new HashMap<>();
        private final Map<LocalDate, Long> answeredAt = new HashMap<>();
        private final Set<LocalDate> complete = new java.util.HashSet<>();
        private boolean stopped;

        /** Throttled, quota spent or woken up while listing: the round should not go on now. */
        boolean stopped() {
            return stopped;
        }

        boolean covers(InstanceKey key) {
            return byDate.containsKey(key.bizdate());
        }

        ApiAnswer<BaselineStatus> status(InstanceKey key) {
            return byDate.get(key.bizdate()).get(key.baselineId() + "/" + key.inGroupId());
        }

        long answeredAt(InstanceKey key) {
            return answeredAt.get(key.bizdate());
        }

        /** Every instance of the date was listed, finished or not: one that is missing does not exist. */
        boolean complete(InstanceKey key) {
            return complete.contains(key.bizdate());
        }

        static final Listing NONE = new Listing();

        static Listing stoppedEarly() {
            Listing listing = new Listing();
            listing.stopped = true;
            return listing;
        }
    }

    /**
     * Lists the business dates where that costs no more than asking one by one: a date with at least
     * one instance due, when its listing takes no more pages than it has unfinished instances watched.
     * Those not due yet are then seen fresh for free, so everything the status shows is seen every
     * round. A business date whose listing fails is left out: its instances are asked one by one.
     *
     * @param due the instances due this round
     * @param unfinished every unfinished instance watched (due or not)
     * @param onFailure how the poller treats a failed call (pause, report, or rethrow when fatal)
     */
    Listing list(Collection<InstanceKey> due, Collection<InstanceKey> unfinished, FailureHandler onFailure)
            throws DataWorksException, PacedCaller.Stopped {
        Listing listing = new Listing();
        Set<LocalDate> dueDates = due.stream().map(InstanceKey::bizdate).collect(Collectors.toSet());
        Map<LocalDate, Long> watched = unfinished.stream().collect(Collectors.groupingBy(InstanceKey::bizdate, Collectors.counting()));
        forgetDatesBefore(dueDates);
        for (LocalDate date : dueDates) {
            int expectedPages = Math.max(1, (lastTotals.getOrDefault(date, 0) + DataWorksApi.MAX_PAGE_SIZE - 1)
                    / DataWorksApi.MAX_PAGE_SIZE);
            if (expectedPages > watched.getOrDefault(date, 0L)) {
                continue;
            }
            try {
                listDate(date, listing);
            } catch (DataWorksException e) {
                if (!onFailure.handle(e)) {
                    listing.stopped = true;
                    break;
                }
            }
        }
        return listing;
    }

    /** Dates more than two days before every date asked now have rolled out of the watch: their memory goes. */
    private void forgetDatesBefore(Set<LocalDate> asked) {
        asked.stream().min(LocalDate::compareTo).map(oldest -> oldest.minusDays(2)).ifPresent(cutoff -> {
            listedInFull.removeIf(date -> date.isBefore(cutoff));
            lastTotals.keySet().removeIf(date -> date.isBefore(cutoff));
        });
    }

    /** Keeps every row, not only the due instances': the listing covers the others too, for free. */
    private void listDate(LocalDate bizdate, Listing listing) throws DataWorksException, PacedCaller.Stopped {
        boolean inFull = !listedInFull.contains(bizdate);
        StatusQuery query = inFull ? StatusQuery.ALL : StatusQuery.unfinished();
        Map<String, ApiAnswer<BaselineStatus>> rows = new HashMap<>();
        long answeredAt = Long.MIN_VALUE;
        BaselineStatusPage page;
        int pageNumber = 0;
        do {
            int number = ++pageNumber;
            ApiAnswer<BaselineStatusPage> answer = caller.call("ListBaselineStatuses",
                    () -> api.listBaselineStatuses(bizdate, number, DataWorksApi.MAX_PAGE_SIZE, query));
            page = answer.data();
            answeredAt = Math.max(answeredAt, answer.serverTimeMillis());
            for (BaselineStatus row : page.baselineStatuses()) {
                rows.put(row.baselineId() + "/" + (row.inGroupId() == null ? 1 : row.inGroupId()),
                        new ApiAnswer<>(row, answer.requestId(), answer.serverTimeMillis()));
            }
        } while (page.hasMore() && pageNumber < DataWorksApi.MAX_PAGE_NUMBER);
        lastTotals.put(bizdate, page.totalCount() == null ? rows.size() : page.totalCount());
        if (page.hasMore()) {
            // More than 30 pages: the listing cannot show them all, so this date is asked instance by instance.
            return;
        }
        listing.byDate.put(bizdate, rows);
        listing.answeredAt.put(bizdate, answeredAt);
        if (inFull) {
            listedInFull.add(bizdate);
            listing.complete.add(bizdate);
        }
    }

    /** Treats a failed listing; false when the round should stop (throttled, quota spent). */
    @FunctionalInterface
    interface FailureHandler {
        boolean handle(DataWorksException e) throws DataWorksException;
    }
}
