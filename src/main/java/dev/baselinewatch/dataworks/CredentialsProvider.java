package dev.baselinewatch.dataworks;

import java.io.Serializable;

/**
 * Where the job's access key comes from. Serializable because it travels with the source to the
 * task managers, which resolve the key there: the key itself never enters the job graph.
 */
@FunctionalInterface
public interface CredentialsProvider extends Serializable {

    AccessKey accessKey();
}
