package org.hpcstatus.store;

import java.util.Comparator;

/**
 * Names as people order them: runs of digits by their value, so derecho2 comes before derecho10; the rest without
 * regard to case, and the exact text last, so that the order is total.
 */
public final class NaturalOrder implements Comparator<String> {

    public static final NaturalOrder NAMES = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int byValue = compareDigits(a.substring(i, endA), b.substring(j, endB));
                if (byValue != 0) {
                    return byValue;
                }
                i = endA;
                j = endB;
            } else {
                int byLetter = Character.compare(Character.toLowerCase(x), Character.toLowerCase(y));
                if (byLetter != 0) {
                    return byLetter;
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static int digitsEnd(String text, int from) {
        int end = from;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** By value, however long (no parsing, so "node000000000000000000001" cannot overflow); then fewer zeros first. */
    private static int compareDigits(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        int byValue = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        return byValue != 0 ? byValue : Integer.compare(a.length(), b.length());
    }
}
