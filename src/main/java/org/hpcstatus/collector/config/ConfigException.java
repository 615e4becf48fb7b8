package org.hpcstatus.collector.config;

/** A configuration or credentials problem, said in one line that names the key or file; the run stops. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
