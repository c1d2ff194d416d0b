package dev.baselinewatch.dataworks;

/** An access key pair; {@link #toString()} never shows the secret. */
public record AccessKey(String accessKeyId, String accessKeySecret, String securityToken) {

    public AccessKey {
        if (accessKeyId == null || accessKeyId.isBlank() || accessKeySecret == null || accessKeySecret.isBlank()) {
            throw new IllegalArgumentException("an access key needs both an id and a secret");
        }
    }

    public AccessKey(String accessKeyId, String accessKeySecret) {
        this(accessKeyId, accessKeySecret, null);
    }

    @Override
    public String toString() {
        return "AccessKey{id=" + accessKeyId + ", secret=****" + (securityToken == null ? "" : ", token=****") + "}";
    }
}
