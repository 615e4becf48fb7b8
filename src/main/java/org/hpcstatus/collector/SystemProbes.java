package org.hpcstatus.collector;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hpcstatus.collector.config.CollectorConfig;

/**
 * Login nodes (load averages, CPUs, users; on this machine or through ssh with a connect timeout) and filesystems
 * ({@code df}, or {@code lfs df} for Lustre): the parts of a snapshot that do not come from the scheduler.
 */
public class SystemProbes {

    /** What each login node probe found: the unreachable ones become outages. */
    public record LoginProbe(String name, boolean reachable, String why) {
    }

    private static final String LOGIN_SCRIPT = "cat /proc/loadavg; nproc; who | cut -d' ' -f1 | sort -u | wc -l";
    /** The _tb fields carry TiB, as the deployed collectors' df -BTiB does: 2^40 bytes. */
    private static final long TIB = 1L << 40;

    private final CollectorConfig config;
    private final Commands commands;

    public SystemProbes(CollectorConfig config, Commands commands) {
        this.config = config;
        this.commands = commands;
    }

    public List<LoginProbe> loginNodes(Collection into) {
        List<LoginProbe> probes = new ArrayList<>();
        if (config.loginNodes().isEmpty()) {
            return probes;
        }
        ArrayNode rows = into.payload.putArray("login_nodes");
        for (CollectorConfig.LoginNode node : config.loginNodes()) {
            List<String> command = node.ssh().isEmpty() ? List.of("sh", "-c", LOGIN_SCRIPT)
                    : List.of("ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=" + config.sshConnectTimeout()
                            .toSeconds(), node.ssh(), LOGIN_SCRIPT);
            Commands.Result result = commands.run(command);
            ObjectNode row = rows.addObject();
            row.put("node_name", node.name());
            if (config.systemKind().equals("cluster")) {
                row.put("node_type", node.type());
            }
            String[] lines = result.ok() ? result.output().strip().split("\n") : new String[0];
            String[] load = lines.length >= 3 ? lines[0].split("\\s+") : new String[0];
            if (!result.ok() || load.length < 3) {
                row.put("available", false);
                probes.add(new LoginProbe(node.name(), false, result.ok() ? "unreadable answer" : result.failure()));
                continue;
            }
            row.put("available", true);
            putNumber(row, "load_1min", load[0]);
            putNumber(row, "load_5min", load[1]);
            putNumber(row, "load_15min", load[2]);
            putCount(row, "num_cpus", lines[1]);
            putCount(row, "user_count", lines[2]);
            probes.add(new LoginProbe(node.name(), true, null));
        }
        return probes;
    }

    public void filesystems(Collection into) {
        if (config.filesystems().isEmpty()) {
            return;
        }
        ArrayNode rows = into.payload.putArray("filesystems");
        for (CollectorConfig.Filesystem fs : config.filesystems()) {
            ObjectNode row = rows.addObject();
            row.put("filesystem_name", fs.name());
            long[] blocks = fs.type().equals("lustre") ? lustre(fs.path(), false) : df(fs.path(), false);
            if (blocks == null) {
                row.put("available", false);
                into.missing("filesystem " + fs.name() + " capacity");
                continue;
            }
            row.put("available", true);
            row.put("capacity_tb", Math.round(blocks[0] * 1000.0 / TIB) / 1000.0);
            row.put("used_tb", Math.round(blocks[1] * 1000.0 / TIB) / 1000.0);
            if (blocks[0] > 0) {
                row.put("utilization_percent", Math.round(blocks[1] * 1000.0 / blocks[0]) / 10.0);
            }
            long[] inodes = fs.type().equals("lustre") ? lustre(fs.path(), true) : df(fs.path(), true);
            if (inodes != null && inodes[0] > 0) {
                row.put("capacity_inodes", inodes[0]);
                row.put("used_inodes", inodes[1]);
                row.put("inodes_utilization_percent", Math.round(inodes[1] * 1000.0 / inodes[0]) / 10.0);
            }
        }
    }

    /** {total, used} in bytes (or inodes) from POSIX df output; null when df failed. */
    private long[] df(String path, boolean inodes) {
        Commands.Result result = commands.run(inodes ? List.of("df", "-P", "-i", path) : List.of("df", "-P", "-B1", path));
        if (!result.ok()) {
            return null;
        }
        List<String> lines = result.output().lines().toList();
        if (lines.size() < 2) {
            return null;
        }
        String[] f = lines.get(lines.size() - 1).trim().split("\\s+");
        return f.length >= 3 ? numbers(f[1], f[2]) : null;
    }

    /** {total, used} in bytes (or inodes) from the summary line of {@code lfs df}; null when it failed. */
    private long[] lustre(String path, boolean inodes) {
        Commands.Result result = commands.run(inodes ? List.of("lfs", "df", "-i", path) : List.of("lfs", "df", path));
        if (!result.ok()) {
            return null;
        }
        for (String line : result.output().lines().toList()) {
            if (line.startsWith("filesystem_summary:")) {
                String[] f = line.trim().split("\\s+");
                long[] values = f.length >= 3 ? numbers(f[1], f[2]) : null;
                if (values != null && !inodes) {
                    values[0] *= 1024;  // lfs df counts 1K blocks
                    values[1] *= 1024;
                }
                return values;
            }
        }
        return null;
    }

    private static long[] numbers(String total, String used) {
        try {
            return new long[] {Long.parseLong(total), Long.parseLong(used)};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void putNumber(ObjectNode row, String field, String text) {
        try {
            row.put(field, Double.parseDouble(text));
        } catch (NumberFormatException e) {
            // not reported rather than guessed
        }
    }

    private static void putCount(ObjectNode row, String field, String text) {
        try {
            row.put(field, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            // not reported rather than guessed
        }
    }
}
