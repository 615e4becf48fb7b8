package org.hpcstatus.collector.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The collector's configuration file (YAML), read strictly: an unknown key, a wrong type or a missing required key
 * stops the run with one line naming it (a typo must not silently turn into "not collected").
 */
public record CollectorConfig(
        URI serviceUrl,
        Path credentialsFile,
        Duration httpTimeout,
        int postAttempts,
        String systemName,
        String systemKind,
        String scheduler,
        List<String> cpuPartitions,
        List<String> gpuPartitions,
        List<String> vizPartitions,
        String pbsNodeTypeResource,
        List<LoginNode> loginNodes,
        List<Filesystem> filesystems,
        Duration commandTimeout,
        Duration sshConnectTimeout,
        List<Path> commandPath,
        Path spoolDirectory,
        int spoolMaxFiles,
        Duration spoolMaxAge,
        boolean reportLoginOutages,
        boolean collectWaits,
        URI jupyterHubUrl,
        Path jupyterHubTokenFile) {

    public static final Set<String> KINDS = Set.of("cluster", "heterogeneous-cluster", "jupyterhub");
    public static final Set<String> SCHEDULERS = Set.of("slurm", "pbs");

    /** A login node: read on this machine when {@code ssh} is null, else through {@code ssh <ssh> ...}. */
    public record LoginNode(String name, String ssh, String type) {
    }

    /** A filesystem: its name on the dashboard, a path on it, and how to ask ({@code df} or {@code lfs}). */
    public record Filesystem(String name, String path, String type) {
    }

    public static CollectorConfig load(Path file) {
        Object root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        } catch (YAMLException e) {
            throw new ConfigException(file + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return from(new Node("", root == null ? Map.of() : root), file.toAbsolutePath().getParent());
    }

    static CollectorConfig from(Node root, Path base) {
        root.allow("service", "system", "scheduler", "cpu_partitions", "gpu_partitions", "viz_partitions",
                "pbs_node_type_resource", "login_nodes", "filesystems", "commands", "spool", "outages", "queue_waits",
                "jupyterhub");
        Node service = root.required("service");
        service.allow("url", "credentials_file", "timeout_seconds", "attempts");
        Node system = root.required("system");
        system.allow("name", "kind");
        Node commands = root.optional("commands");
        commands.allow("timeout_seconds", "ssh_connect_timeout_seconds", "path");
        Node spool = root.optional("spool");
        spool.allow("directory", "max_files", "max_age_hours");
        Node outages = root.optional("outages");
        outages.allow("login_nodes");
        Node hub = root.optional("jupyterhub");
        hub.allow("url", "token_file");

        URI url = service.uri("url");
        String kind = system.oneOf("kind", KINDS, null);
        boolean isHub = kind.equals("jupyterhub");
        // A hub's counts come from its own API; the scheduler behind it is another system's collector's.
        String scheduler = isHub ? root.oneOf("scheduler", Set.of("none"), "none") : root.oneOf("scheduler", SCHEDULERS, null);
        List<LoginNode> loginNodes = new ArrayList<>();
        for (Node node : root.list("login_nodes")) {
            node.allow("name", "ssh", "type");
            loginNodes.add(new LoginNode(node.string("name", null), node.string("ssh", ""),
                    node.oneOf("type", Set.of("cpu", "gpu", "data-access"), "cpu")));
        }
        List<Filesystem> filesystems = new ArrayList<>();
        for (Node node : root.list("filesystems")) {
            node.allow("name", "path", "type");
            filesystems.add(new Filesystem(node.string("name", null), node.string("path", null),
                    node.oneOf("type", Set.of("df", "lustre"), "df")));
        }
        return new CollectorConfig(url, base.resolve(service.string("credentials_file", null)),
                Duration.ofSeconds(service.integer("timeout_seconds", 30, 1, 600)),
                service.integer("attempts", 3, 1, 10),
                system.string("name", null), kind, scheduler,
                root.strings("cpu_partitions"), root.strings("gpu_partitions"), root.strings("viz_partitions"),
                root.string("pbs_node_type_resource", "Qlist"),
                List.copyOf(loginNodes), List.copyOf(filesystems),
                Duration.ofSeconds(commands.integer("timeout_seconds", 60, 1, 3600)),
                Duration.ofSeconds(commands.integer("ssh_connect_timeout_seconds", 5, 1, 300)),
                commands.strings("path").stream().map(dir -> base.resolve(dir)).toList(),
                base.resolve(spool.string("directory", "spool")),
                spool.integer("max_files", 288, 1, 1_000_000),
                Duration.ofHours(spool.integer("max_age_hours", 24, 1, 24 * 365)),
                outages.bool("login_nodes", true),
                root.bool("queue_waits", true),
                isHub ? hub.uri("url") : null,
                isHub ? base.resolve(hub.string("token_file", null)) : null);
    }

    /** A YAML value at a dotted path, with typed, strict accessors whose errors name that path. */
    record Node(String path, Object value) {

        private Map<?, ?> map() {
            if (value instanceof Map<?, ?> map) {
                return map;
            }
            throw new ConfigException(path + " must be a mapping of keys, got " + describe(value));
        }

        private String at(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        void allow(String... keys) {
            Set<String> known = Set.of(keys);
            for (Object key : map().keySet()) {
                if (!known.contains(String.valueOf(key))) {
                    throw new ConfigException("unknown key " + at(String.valueOf(key)) + " (known here: "
                            + String.join(", ", keys) + ")");
                }
            }
        }

        Node required(String key) {
            Object child = map().get(key);
            if (child == null) {
                throw new ConfigException("missing " + at(key));
            }
            return new Node(at(key), child);
        }

        Node optional(String key) {
            Object child = map().get(key);
            return new Node(at(key), child == null ? new LinkedHashMap<>() : child);
        }

        String string(String key, String fallback) {
            Object child = map().get(key);
            if (child == null) {
                if (fallback == null) {
                    throw new ConfigException("missing " + at(key));
                }
                return fallback;
            }
            if (child instanceof Map || child instanceof List) {
                throw new ConfigException(at(key) + " must be a single value, got " + describe(child));
            }
            String text = String.valueOf(child).strip();
            if (text.isEmpty()) {
                throw new ConfigException(at(key) + " must not be empty");
            }
            return text;
        }

        String oneOf(String key, Set<String> allowed, String fallback) {
            String text = string(key, fallback).toLowerCase(Locale.ROOT);
            if (!allowed.contains(text) && !text.equals(fallback)) {
                throw new ConfigException(at(key) + " must be one of " + String.join(", ", allowed.stream().sorted()
                        .toList()) + ", got '" + text + "'");
            }
            return text;
        }

        int integer(String key, int fallback, int min, int max) {
            Object child = map().get(key);
            if (child == null) {
                return fallback;
            }
            if (!(child instanceof Integer number) || number < min || number > max) {
                throw new ConfigException(at(key) + " must be a whole number from " + min + " to " + max + ", got "
                        + describe(child));
            }
            return number;
        }

        boolean bool(String key, boolean fallback) {
            Object child = map().get(key);
            if (child == null) {
                return fallback;
            }
            if (!(child instanceof Boolean flag)) {
                throw new ConfigException(at(key) + " must be true or false, got " + describe(child));
            }
            return flag;
        }

        URI uri(String key) {
            String text = string(key, null);
            try {
                URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new IllegalArgumentException("not an http(s) URL");
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw new ConfigException(at(key) + " must be an http:// or https:// URL, got '" + text + "'");
            }
        }

        List<Node> list(String key) {
            Object child = map().get(key);
            if (child == null) {
                return List.of();
            }
            if (!(child instanceof List<?> items)) {
                throw new ConfigException(at(key) + " must be a list, got " + describe(child));
            }
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                nodes.add(new Node(at(key) + "[" + i + "]", items.get(i)));
            }
            return nodes;
        }

        List<String> strings(String key) {
            List<String> values = new ArrayList<>();
            for (Node item : list(key)) {
                if (item.value == null || item.value instanceof Map || item.value instanceof List) {
                    throw new ConfigException(item.path + " must be a name, got " + describe(item.value));
                }
                values.add(String.valueOf(item.value).strip());
            }
            return List.copyOf(values);
        }

        private static String describe(Object value) {
            if (value == null) {
                return "nothing";
            }
            if (value instanceof Map) {
                return "a mapping";
            }
            if (value instanceof List) {
                return "a list";
            }
            return "'" + value + "'";
        }
    }
}
