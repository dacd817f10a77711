package org.openpayer.bulkexport.stack.suite;

import org.openpayer.bulkexport.model.route.Service;
import org.openpayer.bulkexport.stack.infra.JavaCommand;

import java.util.List;

/**
 * The applications the suite runs, each with the module that packages it and the heap it gets. export-service runs
 * twice: the second instance joins the same Kafka consumer groups and takes a share of the export work.
 */
public enum SuiteApp {
    AUTH("auth-service", "auth-service", Service.AUTH, "256m"),
    ATTRIBUTION("attribution-service", "attribution-service", Service.ATTRIBUTION, "384m"),
    EXPORT("export-service", "export-service", Service.EXPORT, "256m"),
    EXPORT_WORKER("export-worker-2", "export-service", null, "256m"),
    FILE("file-service", "file-service", Service.FILE, "192m"),
    /** Accepts request targets with unencoded characters and encodes them before forwarding (see its README). */
    GATEWAY("gateway", "deploy/gateway", null, "192m", "vertx.disableURIValidation");

    private final String processName;
    private final String moduleDir;
    private final Service service;
    private final String heap;
    private final List<String> enabledSystemProperties;

    SuiteApp(String processName, String moduleDir, Service service, String heap,
             String... enabledSystemProperties) {
        this.processName = processName;
        this.moduleDir = moduleDir;
        this.service = service;
        this.heap = heap;
        this.enabledSystemProperties = List.of(enabledSystemProperties);
    }

    public String processName() {
        return processName;
    }

    String moduleDir() {
        return moduleDir;
    }

    /** The routed service this app serves, or {@code null} for the gateway and the extra worker. */
    Service service() {
        return service;
    }

    /** The JVM command line: heap and the system properties the app needs set to {@code true}. */
    JavaCommand javaCommand() {
        JavaCommand command = JavaCommand.withHeap(heap);
        enabledSystemProperties.forEach(property -> command.systemProperty(property, "true"));
        return command;
    }
}
