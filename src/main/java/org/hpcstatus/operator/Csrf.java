package org.hpcstatus.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The CSRF check of the operator forms: the token sent must equal the one expected, compared in constant time. */
final class Csrf {

    private Csrf() {
    }

    static boolean matches(String expected, String sent) {
        if (expected == null || expected.isEmpty() || sent == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
