package org.hpcstatus.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IP network in CIDR notation ("10.20.0.0/16", "2001:db8::/32", or one address), for the ingest allow-lists. */
record Network(byte[] prefix, int bits, String text) {

    /** Parses a literal address with an optional /bits; never looks a name up. */
    static Network parse(String cidr) {
        String text = cidr.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (address.isEmpty() || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            throw new IllegalArgumentException("'" + cidr + "' is not a network such as 10.20.0.0/16 or 2001:db8::/32");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + cidr + "' is not a network such as 10.20.0.0/16 or 2001:db8::/32");
        }
        int bits;
        try {
            bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (bits < 0 || bits > bytes.length * 8) {
            throw new IllegalArgumentException("'" + cidr + "': the prefix length must be 0 to " + bytes.length * 8);
        }
        return new Network(bytes, bits, text);
    }

    boolean contains(InetAddress address) {
        byte[] other = address.getAddress();
        if (other.length != prefix.length) {
            return false;
        }
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (other[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (other[whole] & mask) == (prefix[whole] & mask);
    }
}
