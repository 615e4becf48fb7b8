package org.hpcstatus.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NaturalOrderTests {

    @Test
    void digitsCountByValueLettersWithoutCase() {
        List<String> names = new ArrayList<>(List.of("derecho10", "casper-login2", "derecho2", "Derecho3", "derecho1",
                "derecho02", "node99999999999999999999999", "node100000000000000000000000", "derecho", "a"));
        names.sort(NaturalOrder.NAMES);
        assertEquals(List.of("a", "casper-login2", "derecho", "derecho1", "derecho2", "derecho02", "Derecho3",
                "derecho10", "node99999999999999999999999", "node100000000000000000000000"), names);
    }
}
