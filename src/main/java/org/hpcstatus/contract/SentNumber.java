package org.hpcstatus.contract;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.node.DecimalNode;

/**
 * A JSON number with a fraction or exponent, exact, that remembers how it was written: an error message then quotes
 * the value as the collector sent it ({@code 1e400}, {@code 2.50}), not Java's rendering of it ({@code 1E+400}).
 */
final class SentNumber extends DecimalNode {

    private static final long serialVersionUID = 1L;

    private final String sent;

    SentNumber(BigDecimal value, String sent) {
        super(value);
        this.sent = sent;
    }

    @Override
    public String asText() {
        return sent;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SentNumber number && number.sent.equals(sent) && super.equals(other);
    }

    @Override
    public int hashCode() {
        return sent.hashCode();
    }
}
