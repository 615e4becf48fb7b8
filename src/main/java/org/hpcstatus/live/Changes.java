package org.hpcstatus.live;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A number that moves whenever what the pages show may have changed: a write request answered by this replica, or
 * a change the board watch saw (another replica's write, a collector turning stale). Rendered pages are kept per
 * version, so a page is rendered once per change rather than once per request.
 */
@ApplicationScoped
public class Changes {

    private final AtomicLong version = new AtomicLong();

    public long version() {
        return version.get();
    }

    void bump() {
        version.incrementAndGet();
    }
}
