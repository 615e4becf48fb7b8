package org.hpcstatus.collector.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The collector's login, one line {@code user:password} in a file only its owner may read (mode 600, as the guide
 * asks): a file the group or others can read is refused, so a password never sits world-readable by accident.
 */
public record CredentialsFile(String user, String password) {

    private static final Set<PosixFilePermission> SHARED = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    public static CredentialsFile read(Path file) {
        String line = readSecret(file, "credentials file").lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        int colon = line.indexOf(':');
        if (colon <= 0 || colon == line.length() - 1) {
            throw new ConfigException("credentials file " + file + " must hold one line user:password");
        }
        return new CredentialsFile(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }

    /** A file holding a secret (a password, a token), refused when its group or others may read it. */
    public static String readSecret(Path file, String what) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(SHARED::contains)) {
                throw new ConfigException(what + " " + file + " is readable by its group or others: run chmod 600 " + file);
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (UnsupportedOperationException e) {
            throw new ConfigException(what + " " + file + ": cannot check its permissions on this filesystem");
        } catch (IOException e) {
            throw new ConfigException("cannot read " + what + " " + file + ": " + e.getMessage());
        }
    }

    /** The HTTP Basic header value. */
    public String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "CredentialsFile[user=" + user + "]";
    }
}
