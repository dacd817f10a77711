package org.openpayer.bulkexport.model.route;

/** The services behind the gateway, named as their Kubernetes Services and Maven modules are. */
public enum Service {
    AUTH("auth-service"),
    ATTRIBUTION("attribution-service"),
    EXPORT("export-service"),
    FILE("file-service");

    private final String serviceName;

    Service(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }
}
