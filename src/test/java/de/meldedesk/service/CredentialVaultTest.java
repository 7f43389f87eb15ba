package de.meldedesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.logging.SecretRedactor;
import org.junit.jupiter.api.Test;

class CredentialVaultTest {

    @Test
    void sessionVaultKeepsSecretsInMemory() {
        try (CredentialVault vault = CredentialVault.sessionOnly()) {
            vault.putServiceSecret("svc-user", "very-secret-1", true);
            vault.putApiToken("09ce3580d84bf087", "api-token-123456", false);

            assertThat(vault.hasSystemKeyStore()).isFalse();
            assertThat(vault.serviceSecret("svc-user")).contains("very-secret-1");
            assertThat(vault.apiToken("09ce3580d84bf087")).contains("api-token-123456");
            assertThat(vault.serviceSecret("other")).isEmpty();
        }
    }

    @Test
    void storedSecretsAreRedactedInLogs() {
        try (CredentialVault vault = CredentialVault.sessionOnly()) {
            vault.putServiceSecret("svc-user", "redact-me-please", false);

            assertThat(SecretRedactor.redact("x redact-me-please y")).doesNotContain("redact-me-please");
        }
    }

    @Test
    void forgetRemovesSecrets() {
        try (CredentialVault vault = CredentialVault.sessionOnly()) {
            vault.putServiceSecret("svc-user", "forget-me-now", false);
            vault.putApiToken("cid", "forget-token-now", false);

            vault.forget("svc-user", "cid");

            assertThat(vault.serviceSecret("svc-user")).isEmpty();
            assertThat(vault.apiToken("cid")).isEmpty();
        }
    }

    @Test
    void openFallsBackWithoutSystemKeyStore() {
        try (CredentialVault vault = CredentialVault.open()) {
            vault.putApiToken("cid-open", "fallback-token-1", false);

            assertThat(vault.apiToken("cid-open")).contains("fallback-token-1");
        }
    }
}
