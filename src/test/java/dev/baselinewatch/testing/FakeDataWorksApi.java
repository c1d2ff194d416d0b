package dev.baselinewatch.testing;

import dev.baselinewatch.dataworks.ApiAnswer;
import dev.baselinewatch.dataworks.DataWorksApi;
import dev.baselinewatch.dataworks.DataWorksException;
import dev.baselinewatch.dataworks.ErrorClass;
import dev.baselinewatch.dataworks.model.BaselineConfig;
import dev.baselinewatch.dataworks.model.BaselineConfigPage;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.BaselineStatusPage;
import dev.baselinewatch.dataworks.model.StatusQuery;
import dev.baselinewatch.dataworks.model.Topic;
import dev.baselinewatch.dataworks.model.TopicPage;
import java.time.Instant;
import dev.baselinewatch.dataworks.model.KeyPathNode;
import dev.baselinewatch.event.InstanceKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hand-written DataWorks for unit tests of the source: answers what the test put in, on a clock
 * the test sets, and counts calls. The real client is tested over HTTP against the simulator.
 */
public final class FakeDataWorksApi implements DataWorksApi {

    private final Map<InstanceKey, BaselineStatus> statuses = new ConcurrentHashMap<>();
    private final Map<InstanceKey, List<KeyPathNode>> keyPaths = new ConcurrentHashMap<>();
    private final Map<Long, DataWorksException> failures = new ConcurrentHashMap<>();
    private final Map<Long, BaselineConfig> configs = new ConcurrentHashMap<>();
    public final AtomicInteger configCalls = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();
    public final AtomicInteger statusCalls = new AtomicInteger();
    public final AtomicInteger keyPathCalls = new AtomicInteger();
    private final Map<InstanceKey, AtomicInteger> statusCallsByInstance = new ConcurrentHashMap<>();
    private final Map<LocalDate, AtomicInteger> listCallsByDate = new ConcurrentHashMap<>();

    /** ListBaselineStatuses calls for one business date. */
    public int listCalls(LocalDate bizdate) {
        AtomicInteger calls = listCallsByDate.get(bizdate);
        return calls == null ? 0 : calls.get();
    }

    public int statusCalls(InstanceKey key) {
        AtomicInteger calls = statusCallsByInstance.get(key);
        return calls == null ? 0 : calls.get();
    }

    public void setNow(long epochMillis) {
        now.set(epochMillis);
    }

    public void status(InstanceKey key, BaselineStatus status) {
        statuses.put(key, status);
    }

    public void keyPath(InstanceKey key, List<KeyPathNode> nodes) {
        keyPaths.put(key, nodes);
    }

    /** A baseline's configuration, as GetBaseline and ListBaselines answer it. */
    public void config(BaselineConfig config) {
        configs.put(config.baselineId(), config);
    }

    public void removeConfig(long baselineId) {
        configs.remove(baselineId);
    }

    public void failBaseline(long baselineId, DataWorksException failure) {
        failures.put(baselineId, failure);
    }

    @Override
    public ApiAnswer<BaselineStatus> getBaselineStatus(long baselineId, LocalDate bizdate, int inGroupId) throws DataWorksException {
        statusCalls.incrementAndGet();
        statusCallsByInstance.computeIfAbsent(new InstanceKey(baselineId, bizdate, inGroupId), k -> new AtomicInteger()).incrementAndGet();
        failIfAsked(baselineId);
        BaselineStatus status = statuses.get(new InstanceKey(baselineId, bizdate, inGroupId));
        if (status == null) {
            throw notFound();
        }
        return new ApiAnswer<>(status, "status-" + statusCalls.get(), now.get());
    }

    @Override
    public ApiAnswer<List<KeyPathNode>> getBaselineKeyPath(long baselineId, LocalDate bizdate, int inGroupId) throws DataWorksException {
        keyPathCalls.incrementAndGet();
        failIfAsked(baselineId);
        return new ApiAnswer<>(keyPaths.getOrDefault(new InstanceKey(baselineId, bizdate, inGroupId), List.of()),
                "path-" + keyPathCalls.get(), now.get());
    }

    @Override
    public ApiAnswer<BaselineStatusPage> listBaselineStatuses(LocalDate bizdate, int pageNumber, int pageSize, StatusQuery query) {
        listCallsByDate.computeIfAbsent(bizdate, d -> new AtomicInteger()).incrementAndGet();
        List<BaselineStatus> rows = statuses.entrySet().stream()
                .filter(e -> e.getKey().bizdate().equals(bizdate))
                .filter(e -> query.finishStatus() == null || query.finishStatus().equals(e.getValue().finishStatus()))
                .map(Map.Entry::getValue)
                .toList();
        int from = Math.min(rows.size(), (pageNumber - 1) * pageSize);
        List<BaselineStatus> page = rows.subList(from, Math.min(rows.size(), from + pageSize));
        return new ApiAnswer<>(new BaselineStatusPage(pageNumber, pageSize, rows.size(), page), "list", now.get());
    }

    @Override
    public ApiAnswer<BaselineConfigPage> listBaselines(long projectId, int pageNumber, int pageSize, String priority, String owner,
            String baselineTypes) {
        configCalls.incrementAndGet();
        List<BaselineConfig> rows = configs.values().stream()
                .filter(c -> c.projectId() != null && c.projectId() == projectId)
                .filter(c -> priority == null || List.of(priority.split(",")).contains(String.valueOf(c.priority())))
                .filter(c -> owner == null || owner.equals(c.owner()))
                .filter(c -> baselineTypes == null || List.of(baselineTypes.split(",")).contains(c.baselineType()))
                .sorted(java.util.Comparator.comparing(BaselineConfig::baselineId))
                .toList();
        int from = Math.min(rows.size(), (pageNumber - 1) * pageSize);
        return new ApiAnswer<>(new BaselineConfigPage(pageNumber, pageSize, rows.size(), rows.subList(from, Math.min(rows.size(), from + pageSize))),
                "baselines", now.get());
    }

    @Override
    public ApiAnswer<BaselineConfig> getBaseline(long baselineId) throws DataWorksException {
        configCalls.incrementAndGet();
        failIfAsked(baselineId);
        BaselineConfig config = configs.get(baselineId);
        if (config == null) {
            throw notFound();
        }
        return new ApiAnswer<>(config, "baseline", now.get());
    }

    @Override
    public ApiAnswer<TopicPage> listTopics(Instant begin, Instant end, String topicStatuses, String topicTypes, Long instanceId,
            int pageNumber, int pageSize) {
        return new ApiAnswer<>(new TopicPage(pageNumber, pageSize, 0, List.of()), "topics", now.get());
    }

    @Override
    public ApiAnswer<Topic> getTopic(long topicId) throws DataWorksException {
        throw notFound();
    }

    private void failIfAsked(long baselineId) throws DataWorksException {
        DataWorksException failure = failures.get(baselineId);
        if (failure != null) {
            throw failure;
        }
    }

    /** As the service answers it: with its clock, so even this answer tells the reader what time it is. */
    private DataWorksException notFound() {
        return new DataWorksException(ErrorClass.NOT_FOUND, 500, "Invalid.Wkbench.BaselineStatusNotExist", "no such instance", "fake",
                now.get());
    }
}
