package dev.baselinewatch.source.enumerator;

import dev.baselinewatch.dataworks.ApiAnswer;
import dev.baselinewatch.dataworks.ApiCall;
import dev.baselinewatch.dataworks.DataWorksApi;
import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.dataworks.ErrorClass;
import dev.baselinewatch.dataworks.model.BaselineConfig;
import dev.baselinewatch.dataworks.model.BaselineConfigPage;
import dev.baselinewatch.source.DiscoveryRule;
import dev.baselinewatch.source.WatchSpec;
import dev.baselinewatch.source.WatchedBaseline;
import dev.baselinewatch.source.split.BaselineProfile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what to watch from DataWorks, on the enumerator's worker thread (never the coordinator's):
 * the configuration of every baseline named in the job config ({@code GetBaseline}) and every
 * baseline the discovery rules find ({@code ListBaselines}, paged). A pass stops at throttling and
 * is tried again on the next tick; what it could not read keeps what was known before.
 */
final class BaselineDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(BaselineDiscovery.class);

    /**
     * What one pass found. {@code complete}: every rule was listed to its end and every named baseline
     * answered (with its configuration, or that it has none to show), so what was not found is gone.
     */
    record Result(Map<Long, BaselineProfile> profiles, Set<Long> discovered, boolean complete, int calls,
            DataWorksException fatal) {}

    private final DataWorksApi api;
    private final WatchSpec spec;
    private final long spacingMillis;
    private final LongConsumer holdReadersFor;

    /**
     * @param holdReadersFor asked before every call to keep the readers' calls back for that many
     *     milliseconds: the enumerator's calls take their turn in the one per-second rate of the job
     *     (its configuration refresh is a short pass once an interval; the readers wait it out)
     */
    BaselineDiscovery(DataWorksApi api, WatchSpec spec, double callsPerSecond, LongConsumer holdReadersFor) {
        this.api = api;
        this.spec = spec;
        this.spacingMillis = (long) Math.ceil(1000 * 1.05 / callsPerSecond);
        this.holdReadersFor = holdReadersFor;
    }

    Result run() throws InterruptedException {
        Map<Long, BaselineProfile> profiles = new HashMap<>();
        Set<Long> discovered = new HashSet<>();
        int[] calls = {0};
        try {
            boolean complete = true;
            for (DiscoveryRule rule : spec.discovery()) {
                complete &= list(rule, profiles, discovered, calls);
            }
            for (WatchedBaseline named : spec.baselines()) {
                if (!profiles.containsKey(named.baselineId())) {
                    complete &= read(named.baselineId(), profiles, calls);
                }
            }
            return new Result(profiles, discovered, complete, calls[0], null);
        } catch (DataWorksException e) {
            if (e.errorClass() == ErrorClass.FATAL) {
                return new Result(profiles, discovered, false, calls[0], e);
            }
            LOG.warn("Reading baseline configurations from DataWorks stopped ({}); it is tried again shortly", e.getMessage());
            return new Result(profiles, discovered, false, calls[0], null);
        }
    }

    /** False when the rule could not be listed to its end. */
    private boolean list(DiscoveryRule rule, Map<Long, BaselineProfile> profiles, Set<Long> discovered, int[] calls)
            throws DataWorksException, InterruptedException {
        int pageNumber = 1;
        while (true) {
            ApiAnswer<BaselineConfigPage> answer;
            int number = pageNumber;
            try {
                answer = call(calls, () -> api.listBaselines(rule.projectId(), number, DataWorksApi.MAX_PAGE_SIZE,
                        rule.priorityFilter(), rule.owner(), rule.typeFilter()));
            } catch (DataWorksException e) {
                if (e.errorClass() == ErrorClass.PER_BASELINE || e.errorClass() == ErrorClass.TRANSIENT
                        || e.errorClass() == ErrorClass.NOT_FOUND) {
                    LOG.warn("Cannot list the baselines of {} ({}); the other rules and baselines go on", rule, e.getMessage());
                    return false;
                }
                throw e;
            }
            BaselineConfigPage page = answer.data();
            for (BaselineConfig config : page.baselines()) {
                if (config.baselineId() != null && !Boolean.FALSE.equals(config.enabled())) {
                    discovered.add(config.baselineId());
                    profiles.put(config.baselineId(), BaselineProfile.of(config));
                }
            }
            if (!page.hasMore()) {
                return true;
            }
            if (pageNumber >= DataWorksApi.MAX_PAGE_NUMBER) {
                LOG.warn("{} has more than {} baselines; only the first pages are watched: narrow the rule by priority, owner or type",
                        rule, DataWorksApi.MAX_PAGE_NUMBER * DataWorksApi.MAX_PAGE_SIZE);
                return false;
            }
            pageNumber++;
        }
    }

    /** False when it should be asked again soon (a transient failure). */
    private boolean read(long baselineId, Map<Long, BaselineProfile> profiles, int[] calls) throws DataWorksException, InterruptedException {
        try {
            ApiAnswer<BaselineConfig> answer = call(calls, () -> api.getBaseline(baselineId));
            if (answer.data() != null) {
                profiles.put(baselineId, BaselineProfile.of(answer.data()));
            }
            return true;
        } catch (DataWorksException e) {
            if (e.errorClass() == ErrorClass.FATAL || e.errorClass() == ErrorClass.THROTTLED || e.errorClass() == ErrorClass.DAILY_CAP) {
                throw e;
            }
            // Watched anyway: its instances' statuses name it; cycles default to the configured ones or [1].
            LOG.warn("Cannot read the configuration of baseline {} ({}); it is watched with what the job config says",
                    baselineId, e.getMessage());
            return e.errorClass() != ErrorClass.TRANSIENT;
        }
    }

    private <T> ApiAnswer<T> call(int[] calls, ApiCall<T> call) throws DataWorksException, InterruptedException {
        // The rate is per second for the whole job: the readers are held back from a second before this pass's first
        // call until a second after its last, and the pass alone uses the rate meanwhile. This runs on the coordinator's
        // worker thread (SplitEnumeratorContext.callAsync), not a task thread and not the coordinator thread that takes
        // the enumerator's checkpoints and assigns splits, so sleeping here holds neither up; closing the enumerator
        // shuts the worker down, which interrupts the sleep.
        holdReadersFor.accept(QUIET_MILLIS + spacingMillis);
        Thread.sleep(calls[0] == 0 ? QUIET_MILLIS : spacingMillis);
        calls[0]++;
        return call.invoke();
    }

    /** How long the readers stay quiet around the enumerator's calls: the window the rate is counted over. */
    static final long QUIET_MILLIS = 1000;
}
