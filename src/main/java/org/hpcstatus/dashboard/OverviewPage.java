package org.hpcstatus.dashboard;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hpcstatus.glance.Headline;
import org.hpcstatus.glance.Upcoming;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.config.Zones;
import org.hpcstatus.dashboard.DashboardViews.Card;
import org.hpcstatus.dashboard.DashboardViews.OutageRow;
import org.hpcstatus.glance.Upcoming.UpcomingRow;
import org.hpcstatus.snapshot.Reservation;
import org.hpcstatus.status.StatusBoard;
import org.hpcstatus.web.Page;
import org.hpcstatus.web.PageChrome;

/** The overview: the one-line answer, a card per system, the outage banner and what is coming. */
@ApplicationScoped
class OverviewPage {

    record Overview(Page page, Headline headline, List<Card> cards, List<OutageRow> outages,
            List<UpcomingRow> upcoming) {
    }

    @Inject
    StatusBoard board;

    @Inject
    Cards cards;

    @Inject
    PageChrome chrome;

    @Inject
    StatusConfig config;

    /** One read-only transaction: the pointers, the outages, and snapshots not read before. */
    @Transactional
    Overview build() {
        StatusBoard.Board all = board.all(true);
        List<Reservation> reservations = all.systems().stream().flatMap(Cards::reservationsOf).toList();
        return new Overview(chrome.page("HPC system status", all.now()),
                Headline.of(all.systems(), all.now(), Zones.display(config.dashboard())),
                all.systems().stream().map(cards::card).toList(), cards.outageRows(all.activeOutages()),
                cards.upcoming(all.upcoming(), reservations, all.now()));
    }
}
