package dev.baselinewatch.dataworks;

/** A fixed key, for the simulator's published test keys; never for production keys. */
public final class StaticCredentials implements CredentialsProvider {

    private static final long serialVersionUID = 1L;

    private final String accessKeyId;
    private final String accessKeySecret;

    public StaticCredentials(String accessKeyId, String accessKeySecret) {
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
    }

    @Override
    public AccessKey accessKey() {
        return new AccessKey(accessKeyId, accessKeySecret);
    }

    @Override
    public String toString() {
        return "StaticCredentials{id=" + accessKeyId + ", secret=****}";
    }
}
