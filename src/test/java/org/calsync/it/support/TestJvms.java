package org.calsync.it.support;

import java.util.List;

/**
 * The options of the JVMs that tests start themselves (cluster instances, Payara Server and its asadmin), as the
 * build gives them in calsync.it.jvm: quick to boot and light on CPU, because they live for minutes.
 */
public final class TestJvms {

    private TestJvms() {
    }

    public static List<String> options() {
        String options = line();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    public static String line() {
        return System.getProperty("calsync.it.jvm", "").strip();
    }
}
