package de.meldedesk.sandbox;

/** The three endpoints of the sandbox and their paths. */
public enum SandboxEndpoint {
    TOKEN("/oauth/token"),
    INCIDENT_NEW("/api/v1/incident/new"),
    INCIDENT_NONE("/api/v1/incident/none");

    private final String path;

    SandboxEndpoint(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
