package dev.baselinewatch.dataworks;

import com.aliyun.credentials.Client;
import com.aliyun.credentials.models.CredentialModel;

/**
 * The standard Alibaba Cloud credentials chain: environment variables
 * ({@code ALIBABA_CLOUD_ACCESS_KEY_ID}/{@code ALIBABA_CLOUD_ACCESS_KEY_SECRET}) first, then the
 * credentials file, OIDC and the instance RAM role, as implemented by {@code credentials-java}.
 */
public final class DefaultCredentialsChain implements CredentialsProvider {

    private static final long serialVersionUID = 1L;

    private transient Client client;

    @Override
    public synchronized AccessKey accessKey() {
        if (client == null) {
            client = new Client();
        }
        CredentialModel credential;
        try {
            credential = client.getCredential();
        } catch (RuntimeException e) {
            // The chain's own messages name the sources it tried, never a secret.
            throw new IllegalStateException(
                    "No Alibaba Cloud credentials found. Set ALIBABA_CLOUD_ACCESS_KEY_ID and "
                            + "ALIBABA_CLOUD_ACCESS_KEY_SECRET, a credentials file, or a RAM role: "
                            + e.getMessage());
        }
        return new AccessKey(
                credential.getAccessKeyId(), credential.getAccessKeySecret(), credential.getSecurityToken());
    }

    @Override
    public String toString() {
        return "DefaultCredentialsChain";
    }
}
