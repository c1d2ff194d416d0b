package dev.baselinewatch.source;

import dev.baselinewatch.dataworks.DataWorksApi;
import java.io.Serializable;

/** Creates the API client on the task manager, where it is used; tests pass a fake. */
@FunctionalInterface
public interface DataWorksApiFactory extends Serializable {

    DataWorksApi create();
}
