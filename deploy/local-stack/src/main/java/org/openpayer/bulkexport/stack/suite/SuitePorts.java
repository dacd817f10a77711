package org.openpayer.bulkexport.stack.suite;

import org.openpayer.bulkexport.stack.infra.FreePort;

import java.util.EnumMap;
import java.util.Map;

/** The HTTP port of each application: fixed and documented for the local stack, free ones for tests. */
public record SuitePorts(Map<SuiteApp, Integer> byApp) {

    public SuitePorts {
        byApp = Map.copyOf(byApp);
    }

    /** The local stack's ports; the gateway's 8080 is the public base URL. */
    public static SuitePorts localStack() {
        Map<SuiteApp, Integer> ports = new EnumMap<>(SuiteApp.class);
        ports.put(SuiteApp.GATEWAY, 8080);
        ports.put(SuiteApp.AUTH, 8081);
        ports.put(SuiteApp.ATTRIBUTION, 8082);
        ports.put(SuiteApp.EXPORT, 8083);
        ports.put(SuiteApp.FILE, 8084);
        ports.put(SuiteApp.EXPORT_WORKER, 8085);
        return new SuitePorts(ports);
    }

    public static SuitePorts free() {
        Map<SuiteApp, Integer> ports = new EnumMap<>(SuiteApp.class);
        for (SuiteApp app : SuiteApp.values()) {
            ports.put(app, FreePort.find());
        }
        return new SuitePorts(ports);
    }

    public int of(SuiteApp app) {
        return byApp.get(app);
    }

    /** Where an app answers directly, bypassing the gateway: for operators' admin calls and probes. */
    public String directUrl(SuiteApp app) {
        return "http://127.0.0.1:" + of(app);
    }
}
