package dev.baselinewatch.dataworks;

import dev.baselinewatch.dataworks.model.BaselineStatus;
import dev.baselinewatch.dataworks.model.KeyPathNode;
import java.time.LocalDate;
import java.util.List;

/**
 * The DataWorks calls the source makes. Behind an interface so that the reader can be tested with
 * a small hand-written fake, while the real client is tested over HTTP against the simulator.
 */
public interface DataWorksApi extends AutoCloseable {

    ApiAnswer<BaselineStatus> getBaselineStatus(long baselineId, LocalDate bizdate, int inGroupId)
            throws DataWorksException;

    ApiAnswer<List<KeyPathNode>> getBaselineKeyPath(long baselineId, LocalDate bizdate, int inGroupId)
            throws DataWorksException;

    @Override
    default void close() {}
}
