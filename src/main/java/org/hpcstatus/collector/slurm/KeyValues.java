package org.hpcstatus.collector.slurm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code scontrol show ... -o} output: one record a line, {@code Key=value} pairs; a value may hold spaces. */
final class KeyValues {

    private static final Pattern KEY = Pattern.compile("(?:^|\\s)([A-Za-z][A-Za-z0-9_:/]*)=");

    private KeyValues() {
    }

    static List<Map<String, String>> lines(String output) {
        List<Map<String, String>> records = new ArrayList<>();
        for (String line : output.lines().toList()) {
            if (!line.isBlank()) {
                records.add(line(line.strip()));
            }
        }
        return records;
    }

    static Map<String, String> line(String line) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher key = KEY.matcher(line);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (key.find()) {
            starts.add(new int[] {key.start(1), key.end()});
            names.add(key.group(1));
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < names.size() ? starts.get(i + 1)[0] : line.length();
            values.put(names.get(i), line.substring(starts.get(i)[1], end).strip());
        }
        return values;
    }
}
