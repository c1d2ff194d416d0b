package dev.baselinewatch.dataworks;

import dev.baselinewatch.dataworks.model.BaselineConfig;
import dev.baselinewatch.dataworks.model.BaselineConfigPage;
import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.BaselineStatusPage;
import dev.baselinewatch.dataworks.model.KeyPathNode;
import dev.baselinewatch.dataworks.model.StatusQuery;
import dev.baselinewatch.dataworks.model.Topic;
import dev.baselinewatch.dataworks.model.TopicPage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The DataWorks calls the source makes. Behind an interface so that the reader can be tested with
 * a small hand-written fake, while the real client is tested over HTTP against the simulator.
 */
public interface DataWorksApi extends AutoCloseable {

    /** Pages are 1..30 and hold at most 100 rows: the service's limits. */
    int MAX_PAGE_NUMBER = 30;
    int MAX_PAGE_SIZE = 100;

    ApiAnswer<BaselineStatus> getBaselineStatus(long baselineId, LocalDate bizdate, int inGroupId)
            throws DataWorksException;

    ApiAnswer<List<KeyPathNode>> getBaselineKeyPath(long baselineId, LocalDate bizdate, int inGroupId)
            throws DataWorksException;

    /** Many baseline instances of one business date per call: the cheap way to watch. */
    ApiAnswer<BaselineStatusPage> listBaselineStatuses(LocalDate bizdate, int pageNumber, int pageSize, StatusQuery query)
            throws DataWorksException;

    /** Baselines of a project, for discovery; {@code priority}, {@code owner}, {@code baselineTypes} may be null. */
    ApiAnswer<BaselineConfigPage> listBaselines(long projectId, int pageNumber, int pageSize, String priority, String owner,
            String baselineTypes) throws DataWorksException;

    ApiAnswer<BaselineConfig> getBaseline(long baselineId) throws DataWorksException;

    /**
     * Events found between {@code begin} and {@code end}; {@code topicStatuses} and {@code topicTypes}
     * are comma-separated filters, {@code instanceId} a node instance; each may be null.
     */
    ApiAnswer<TopicPage> listTopics(Instant begin, Instant end, String topicStatuses, String topicTypes, Long instanceId,
            int pageNumber, int pageSize) throws DataWorksException;

    ApiAnswer<Topic> getTopic(long topicId) throws DataWorksException;

    @Override
    default void close() {}
}
